import type { EncryptionAlgorithm, EncryptionContext, KeySpec } from '../../../shared/kms';
import type { EncryptionRecord } from './commands';

/** One finished encryption as the result view and the history keep it: no plaintext. */
export interface EncryptionResult extends EncryptionRecord {
  createdAt: string;
  keyAlias?: string;
  keySpec?: KeySpec;
}

/** What "Reuse" from the history hands back to the encrypt form. */
export interface EncryptPrefill {
  keyId: string;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
}
