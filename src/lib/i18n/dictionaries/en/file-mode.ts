/**
 * The file mode and the envelope for long texts (src/features/files). Loaded with that code,
 * not with the dictionary: see files.ts. Same rules as the registered areas (one key per
 * message, the same placeholders in every language).
 */
export const fileMode = {
  'fileMode.encrypt.formLabel': 'Encrypt a file',
  'fileMode.decrypt.formLabel': 'Decrypt a file',
  'fileMode.encrypt.file': 'File to encrypt',
  'fileMode.decrypt.file': 'Encrypted file',
  'fileMode.drop':
    'Drop a file here or choose one. It is encrypted in this browser and never uploaded: only its data key goes to KMS.',
  'fileMode.dropDecrypt':
    'Drop a .kmsenc file here or choose one. It is decrypted in this browser; only its data key goes to KMS.',
  'fileMode.chosen': '{name} · {size}',
  'fileMode.fileRequired': 'Choose a file.',
  'fileMode.algorithmHint':
    'Envelope encryption: KMS makes a data key under this key, the file is encrypted here with AES-256-GCM in 1 MiB authenticated parts.',
  'fileMode.notSymmetric':
    'Files need a symmetric key (AES_256 or SM4); {spec} makes no data keys.',
  'fileMode.label': 'Label (optional)',
  'fileMode.labelHint': 'Kept in the history with the file name, never inside the file.',
  'fileMode.encrypt.submit': 'Encrypt file',
  'fileMode.decrypt.submit': 'Decrypt file',
  'fileMode.encrypt.progress': 'Encryption progress',
  'fileMode.decrypt.progress': 'Decryption progress',
  'fileMode.progress': '{done} of {total} · {speed} MiB/s',
  'fileMode.encrypt.done': 'Encrypted {name} ({size}) in {seconds} s.',
  'fileMode.decrypt.done':
    'Decrypted {name} ({size}) in {seconds} s: every part verified, nothing was changed.',
  'fileMode.encrypt.download': 'Download encrypted file',
  'fileMode.decrypt.download': 'Download decrypted file',
  'fileMode.saved': 'Saved to the file you chose: {name}.',
  'fileMode.fingerprint': 'Envelope fingerprint (SHA-256 of its header)',
  'fileMode.keyOfFile': 'KMS key',
  'fileMode.another': 'Another file',
  'fileMode.encrypt.failed': 'The file could not be encrypted',
  'fileMode.decrypt.failed': 'The file was refused',
  'fileMode.failure.notEnvelope':
    'This is not an envelope file of this console: it does not start like one. Nothing was decrypted.',
  'fileMode.failure.changed':
    'The file was changed after it was encrypted: its authentication does not verify. No plaintext is offered.',
  'fileMode.failure.truncated':
    'The file is truncated: it ends before its final part. No plaintext is offered.',
  'fileMode.failure.foreign':
    'KMS could not decrypt the data key: the file was encrypted under a key of another KMS or project, or that key cannot be used now.',
  'fileMode.failure.contextMismatch': 'The encryption context does not match the file’s.',
  'fileMode.failure.dataKeyUnavailable': 'KMS gave no data key for this key.',
  'fileMode.failure.notText':
    'The envelope holds bytes that are not UTF-8 text: decrypt it in File mode.',
  'fileMode.failure.unreadable':
    'The browser could not read the file: was it moved or changed meanwhile?',
  'fileMode.failure.generic': 'Unexpected failure: {message}',
  'fileMode.longText.offer':
    'This text is {bytes} bytes; KMS encrypts at most {limit} directly. Encrypt it as an envelope instead: a KMS data key encrypts it here, into an armored text block.',
  'fileMode.longText.submit': 'Encrypt as envelope',
  'fileMode.longText.result': 'Envelope',
  'fileMode.longText.resultHint':
    'Paste it on the Decrypt page (Text) to decrypt it; it names its key and context itself.',
  'fileMode.longText.copy': 'Copy envelope',
  'fileMode.longText.back': 'Encrypt another',
  'fileMode.longText.decrypted': 'Decrypted text',
  'fileMode.longText.decryptedHint': 'From an envelope: every part verified.',
  'fileMode.longText.copyPlain': 'Copy text',
  'fileMode.longText.failed': 'The envelope could not be decrypted',
} as const;
