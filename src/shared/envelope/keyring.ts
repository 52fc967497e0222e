import type { EncryptionContext } from './encryption-context';

/** One wrapped copy of the data key, exactly as the header's EDK entry stores it. */
export interface EncryptedDataKey {
  /** Who can unwrap it, e.g. "huawei-kms" (UTF-8 in the header). */
  readonly providerId: string;
  /** Provider-defined bytes, e.g. the KMS key id. */
  readonly providerInfo: Uint8Array;
  /** The wrapped data key, e.g. the KMS `cipher_text` bytes. */
  readonly encryptedDataKey: Uint8Array;
}

export interface EncryptionMaterials {
  /** 32 bytes. The framing wipes this array as soon as it has imported it. */
  readonly dataKey: Uint8Array;
  readonly encryptedDataKeys: readonly EncryptedDataKey[];
}

export interface EncryptRequest {
  readonly encryptionContext: EncryptionContext;
}

export interface DecryptRequest {
  readonly encryptionContext: EncryptionContext;
  readonly encryptedDataKeys: readonly EncryptedDataKey[];
}

/**
 * Who wraps and unwraps the data key. The framing never learns how (HTTP, KMS, a local key);
 * a keyring never learns about frames. Modelled on the AWS Encryption SDK keyring interface.
 */
export interface Keyring {
  /** Produces a fresh data key and its wrapped copies, bound to the encryption context. */
  onEncrypt(request: EncryptRequest): Promise<EncryptionMaterials>;
  /**
   * Unwraps one of the header's data keys, bound to the header's encryption context. Returns
   * the 32-byte data key (wiped by the caller after import); throws when none can be unwrapped.
   */
  onDecrypt(request: DecryptRequest): Promise<Uint8Array>;
}
