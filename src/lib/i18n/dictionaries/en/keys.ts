/** The key picker, algorithms and the encryption-context editor, shared by the forms. */
export const keys = {
  'keys.listLabel': 'Available keys',
  'keys.placeholder': 'Choose a key or paste a key ID',
  'keys.hint': '{count} keys listed. Type to search by alias, ID or spec, or paste any key ID.',
  'keys.loading': 'Loading the key list…',
  'keys.listFailed': 'The key list could not be loaded. You can still type a key ID.',
  'keys.lookingUp': 'Looking up this key…',
  'keys.unlisted':
    'This key is not in the key list; it will be sent as typed, and every algorithm is offered.',
  'keys.noAlias': '(no alias)',
  'keys.state.1': 'Pending activation',
  'keys.state.2': 'Enabled',
  'keys.state.3': 'Disabled',
  'keys.state.4': 'Pending deletion',
  'keys.state.5': 'Pending import',
  'keys.reason.disabled': 'Disabled: enable it in KMS to use it.',
  'keys.reason.pendingDeletion': 'Scheduled for deletion: cancel the deletion to use it.',
  'keys.reason.pendingActivation': 'Not activated yet.',
  'keys.reason.pendingImport': 'Its key material has not been imported yet.',
  'keys.reason.signOnly': 'Sign-only key: it cannot encrypt or decrypt.',
  'keys.reason.notSymmetric': 'Asymmetric key: files need a symmetric key (AES or SM4).',
  'keys.noAlgorithm': 'None: this key only signs',

  'keyDetails.open': 'Key details',

  'algorithm.SYMMETRIC_DEFAULT': 'SYMMETRIC_DEFAULT (AES-256 / SM4)',
  'algorithm.RSAES_OAEP_SHA_256': 'RSAES_OAEP_SHA_256 (RSA-OAEP, SHA-256)',
  'algorithm.RSAES_OAEP_SHA_1': 'RSAES_OAEP_SHA_1 (RSA-OAEP, SHA-1)',
  'algorithm.SM2_ENCRYPT': 'SM2_ENCRYPT (SM2)',

  'context.legend': 'Encryption context',
  'context.encryptDescription':
    'Optional key–value pairs bound to the ciphertext. Decrypting needs exactly the same pairs, so they are kept in the history.',
  'context.decryptDescription':
    'The same pairs given at encryption, if there were any. A different context makes decryption fail.',
  'context.notForAsymmetric':
    'Asymmetric keys (RSA, SM2) take no encryption context: their ciphertext is bound only to the key.',
  'context.keyLabel': 'Context key {n}',
  'context.valueLabel': 'Context value {n}',
  'context.add': 'Add context pair',
  'context.remove': 'Remove context pair',
  'context.removeNumbered': 'Remove context pair {n}',
} as const;
