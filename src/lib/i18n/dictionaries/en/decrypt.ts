/** The decrypt page and its result. */
export const decrypt = {
  'decrypt.title': 'Decrypt',
  'decrypt.intro':
    'Paste a ciphertext to decrypt it. The plaintext stays hidden until you reveal it.',
  'decrypt.introPrefilled':
    'Filled in from the history: check the fields and decrypt. The plaintext stays hidden until you reveal it.',
  'decrypt.formLabel': 'Decrypt data',
  'decrypt.cipherText': 'Ciphertext',
  'decrypt.cipherTextHint': 'Base64. Line breaks and spaces are ignored.',
  'decrypt.asymmetricTitle': 'Key ID and algorithm',
  'decrypt.asymmetricHint':
    'Required only for asymmetric ciphertext (RSA, SM2), which carries no metadata. Symmetric ciphertext names its own key, so both can stay empty.',
  'decrypt.keyId': 'Key ID',
  'decrypt.algorithm': 'Encryption algorithm',
  'decrypt.algorithmNotNeeded': 'Not needed (symmetric ciphertext)',
  'decrypt.submit': 'Decrypt',
  'decrypt.failed': 'Decryption failed',
  'decrypt.failedAsymmetricWithoutKey':
    'Decryption failed: this ciphertext names no key, so it is asymmetric (RSA, SM2) and needs its key ID and algorithm',
  'decrypt.failedMissingContext':
    'Decryption failed: this ciphertext was encrypted with an encryption context; give the same pairs',
  'decrypt.failedContextDiffers':
    'Decryption failed: the encryption context differs from the one used to encrypt',
  'decrypt.filledFromHistory':
    'Key, algorithm and context filled in from this ciphertext’s entry in the history.',
  'decrypt.filledFromHistoryAt':
    'Key, algorithm and context filled in from the history: encrypted at {time}.',
  'decrypt.filledFromCipherText':
    'Key filled in from the ciphertext itself: symmetric ciphertext names its key. Add the encryption context if one was used.',
  'decrypt.namesNoKey':
    'This ciphertext names no key and is not in the history: if it is asymmetric (RSA, SM2), give its key ID and algorithm.',

  'decryptResult.title': 'Decrypted',
  'decryptResult.summary': 'Decrypted with key {keyId}: {bytes} bytes.',
  'decryptResult.hidden': 'The plaintext is hidden. Reveal it to read it, or copy it directly.',
  'decryptResult.reveal': 'Reveal',
  'decryptResult.hide': 'Hide',
  'decryptResult.plainText': 'Plaintext',
  'decryptResult.plainTextBase64': 'Plaintext (Base64)',
  'decryptResult.notPrintable': 'These bytes are not printable text, so they are shown as Base64.',
  'decryptResult.copyPlainText': 'Copy plaintext',
} as const;
