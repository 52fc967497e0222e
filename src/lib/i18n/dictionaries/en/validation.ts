/** Form validation messages. */
export const validation = {
  'validation.keyId.required': 'Enter or choose a key ID.',
  'validation.keyId.format': 'A key ID is 36 characters: 8-4-4-4-12 lowercase hex digits.',
  'validation.keyId.requiredForAsymmetric':
    'Asymmetric ciphertext carries no key ID: enter the key that encrypted it.',
  'validation.keyId.disabled': 'This key is disabled and cannot be used.',
  'validation.keyId.pendingDeletion': 'This key is scheduled for deletion and cannot be used.',
  'validation.keyId.pendingActivation': 'This key is not activated yet.',
  'validation.keyId.pendingImport': 'This key has no key material yet.',
  'validation.keyId.signOnly': 'This is a sign-only key: it cannot encrypt or decrypt.',
  'validation.algorithm.notForKey': '{spec} keys do not take {algorithm}.',
  'validation.algorithm.requiredForAsymmetric':
    'Choose the algorithm the asymmetric ciphertext was made with.',
  'validation.plainText.required': 'Enter the plaintext to encrypt.',
  'validation.plainText.tooLong':
    'The plaintext is {bytes} bytes; this key and algorithm take at most {limit} bytes (UTF-8).',
  'validation.plainText.notUnicode':
    'The text contains characters that are not valid Unicode (a lone surrogate); it cannot be encrypted as it is.',
  'validation.cipherText.required': 'Paste the ciphertext to decrypt.',
  'validation.cipherText.notBase64':
    'This is not Base64: “{char}” cannot appear in a ciphertext (A–Z, a–z, 0–9, +, /, =).',
  'validation.cipherText.format':
    'Ciphertext is Base64 (A–Z, a–z, 0–9, +, /, =) of 128 to 5648 characters; this is {length}.',
  'validation.context.keyRequired': 'A context key cannot be empty.',
  'validation.context.keyDuplicate': 'This key is already used by pair {pair}.',
  'validation.context.tooLong':
    'The encryption context is {length} characters once serialized; at most {limit} are allowed.',
} as const;
