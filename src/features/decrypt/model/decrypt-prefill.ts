import type { EncryptionAlgorithm, EncryptionContext } from '../../../shared/kms';

/** Everything the decrypt form needs, as a history entry hands it over. */
export interface DecryptPrefill {
  cipherText: string;
  keyId: string;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
}
