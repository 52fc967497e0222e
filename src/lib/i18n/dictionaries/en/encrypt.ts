/** The encrypt page and its result. */
export const encrypt = {
  'encrypt.title': 'Encrypt',
  'encrypt.intro':
    'Encrypt a small secret (up to 4 KB) with a KMS key. The plaintext goes to the KMS and is never stored; the history keeps what decryption needs.',
  'encrypt.formLabel': 'Encrypt data',
  'encrypt.keyId': 'Key ID',
  'encrypt.algorithm': 'Encryption algorithm',
  'encrypt.algorithmForSpec': 'The algorithms for {spec} keys.',
  'encrypt.algorithmAll': 'Every algorithm is offered until the key is known.',
  'encrypt.plainText': 'Plaintext',
  'encrypt.byteCounter': '{bytes} / {limit} bytes',
  'encrypt.submit': 'Encrypt',
  'encrypt.submitHint': 'Ctrl+Enter in the plaintext also encrypts.',
  'encrypt.failed': 'Encryption failed',
  'encrypt.blankTitle': 'The plaintext is only whitespace',
  'encrypt.blankDetail':
    'It holds nothing but spaces, tabs or line breaks, which is usually a paste that went wrong. Encrypt it anyway?',
  'encrypt.blankConfirm': 'Encrypt anyway',
  'encrypt.blankCancel': 'Edit the plaintext',

  'result.viewFailed': 'Encrypted, but the result view could not be loaded',
  'result.viewFailedDetail':
    'The ciphertext, key and context are saved in History. Check the connection to the console and reload the page.',
  'history.unlistedKey': 'Unlisted key',
  'history.labelField': 'Label',
  'history.labelHint': 'Optional: your own words, to find this encryption in the history later',
} as const;
