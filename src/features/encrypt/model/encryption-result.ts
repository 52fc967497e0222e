import type {
  EncryptDataRequest,
  EncryptDataResponse,
  EncryptionAlgorithm,
  EncryptionContext,
  KeyDetails,
  KeySpec,
} from '../../../shared/kms';
import type { EncryptionRecord } from './commands';

/** One finished encryption as the result view and the history keep it: no plaintext. */
export interface EncryptionResult extends EncryptionRecord {
  createdAt: string;
  keyAlias?: string;
  keySpec?: KeySpec;
  /** The operator's label from the form, if any. */
  label?: string;
}

/** What "Reuse" from the history hands back to the encrypt form. */
export interface EncryptPrefill {
  keyId: string;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
}

/** The record of an encrypt-data call that succeeded, with what the form knew of its key. */
export function encryptionResultOf(
  request: EncryptDataRequest,
  response: EncryptDataResponse,
  key: KeyDetails | undefined,
  label?: string,
): EncryptionResult {
  return {
    createdAt: new Date().toISOString(),
    keyId: response.key_id || request.key_id,
    ...(key?.key_alias ? { keyAlias: key.key_alias } : {}),
    ...(key ? { keySpec: key.key_spec } : {}),
    algorithm: request.encryption_algorithm ?? 'SYMMETRIC_DEFAULT',
    encryptionContext: request.encryption_context ?? {},
    cipherText: response.cipher_text,
    ...(label ? { label } : {}),
  };
}
