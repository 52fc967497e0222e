/** The key details panel (describe-key), loaded with the panel. */
export const keyDetails = {
  'keyDetails.title': 'Key details',
  'keyDetails.loading': 'Asking the KMS about this key…',
  'keyDetails.failed': 'The key could not be described',
  'keyDetails.alias': 'Alias',
  'keyDetails.keyId': 'Key ID',
  'keyDetails.spec': 'Spec',
  'keyDetails.usage': 'Usage',
  'keyDetails.state': 'State',
  'keyDetails.origin': 'Origin',
  'keyDetails.created': 'Created',
  'keyDetails.description': 'Description',
  'keyDetails.rotation': 'Rotation',
  'keyDetails.rotationOn': 'Enabled',
  'keyDetails.rotationOff': 'Not enabled',
  'keyDetails.disabledTitle': 'This key is disabled',
  'keyDetails.enableInConsole': 'Enable it in the Huawei Cloud console (opens in a new tab)',
  'keyDetails.enableLocally':
    'Enable it with the local KMS’s enable-key operation, or choose another key.',
} as const;
