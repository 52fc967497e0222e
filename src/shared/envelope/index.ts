// The envelope format for files and long texts: AWS Encryption SDK message format 2.0, suite
// 0x0478, with a Huawei KMS keyring. Pure and platform-neutral (WebCrypto, Web Streams); its
// Node side is the command line's src/cli/files.ts. See docs/envelope-format.md.
export * from './constants';
export { ENVELOPE_ERROR_KINDS, EnvelopeError, isEnvelopeError } from './errors';
export type { EnvelopeErrorKind } from './errors';
export type { ContentCipher, DeriveMessageKeys, MessageKeys } from './keys';
export { envelopeEncryptionContextSchema } from './encryption-context';
export type { EncryptionContext } from './encryption-context';
export type { EncryptedDataKey, EncryptionMaterials, Keyring } from './keyring';
export { parseHeader } from './header-info';
export type { EnvelopeHeaderInfo } from './header-info';
export { prepareEncryption, encryptMessage } from './encrypt';
export type { EncryptOptions, PreparedEncryption } from './encrypt';
export { openEnvelope, decryptMessage } from './decrypt';
export type { DecryptOptions, OpenedEnvelope } from './decrypt';
export { blobReader } from './byte-reader';
export type { ByteInput, ByteReader } from './byte-reader';
export { createEncryptStream, createDecryptStream } from './web-streams';
export type { EnvelopeTransform } from './web-streams';
export { ARMOR_BEGIN, ARMOR_END, armorEnvelope, dearmorEnvelope, isArmoredEnvelope } from './armor';
export { encryptBytes, decryptBytes, encryptText, decryptText } from './bytes-api';
export { HUAWEI_KMS_PROVIDER_ID, kmsKeyring, kmsKeyIdsOf } from './kms-keyring';
export type {
  CallKms,
  CreateDataKeyRequest,
  DataKeyOperation,
  DataKeyRequests,
  DecryptDataKeyRequest,
  KmsKeyringOptions,
} from './kms-keyring';
export { rawAesKeyring } from './raw-aes-keyring';
export type { RawAesKeyringOptions } from './raw-aes-keyring';
