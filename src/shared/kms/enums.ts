import { z } from 'zod/mini';

export const ENCRYPTION_ALGORITHMS = [
  'SYMMETRIC_DEFAULT',
  'RSAES_OAEP_SHA_256',
  'RSAES_OAEP_SHA_1',
  'SM2_ENCRYPT',
] as const;
export const encryptionAlgorithmSchema = z.enum(ENCRYPTION_ALGORITHMS);
export type EncryptionAlgorithm = z.infer<typeof encryptionAlgorithmSchema>;

export const KEY_SPECS = [
  'AES_256',
  'SM4',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'SM2',
  'EC_P256',
  'EC_P384',
  'SECP256K1',
  'ED25519',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
  'HMAC_SM3',
] as const;
export const keySpecSchema = z.enum(KEY_SPECS);
export type KeySpec = z.infer<typeof keySpecSchema>;

// GENERATE_VERIFY_MAC is absent from the SDK enum but is what HMAC keys have (KMS-API-2.md §8.1).
export const KEY_USAGES = ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC'] as const;
export const keyUsageSchema = z.enum(KEY_USAGES);
export type KeyUsage = z.infer<typeof keyUsageSchema>;

/** `key_state` is a string on the wire. */
export const KEY_STATES = {
  pendingActivation: '1',
  enabled: '2',
  disabled: '3',
  pendingDeletion: '4',
  pendingImport: '5',
} as const;
export const keyStateSchema = z.enum(['1', '2', '3', '4', '5']);
export type KeyState = z.infer<typeof keyStateSchema>;

export type KeyKind = 'symmetric' | 'asymmetric-encrypt' | 'sign-only';

interface KeySpecInfo {
  kind: KeyKind;
  /** Algorithms encrypt-data accepts for this spec, first one is the natural default. */
  algorithms: readonly EncryptionAlgorithm[];
  /** RSA modulus size in bytes, for the OAEP plaintext bound. */
  modulusBytes?: number;
}

export const KEY_SPEC_INFO: Record<KeySpec, KeySpecInfo> = {
  AES_256: { kind: 'symmetric', algorithms: ['SYMMETRIC_DEFAULT'] },
  SM4: { kind: 'symmetric', algorithms: ['SYMMETRIC_DEFAULT'] },
  RSA_2048: {
    kind: 'asymmetric-encrypt',
    algorithms: ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'],
    modulusBytes: 256,
  },
  RSA_3072: {
    kind: 'asymmetric-encrypt',
    algorithms: ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'],
    modulusBytes: 384,
  },
  RSA_4096: {
    kind: 'asymmetric-encrypt',
    algorithms: ['RSAES_OAEP_SHA_256', 'RSAES_OAEP_SHA_1'],
    modulusBytes: 512,
  },
  SM2: { kind: 'asymmetric-encrypt', algorithms: ['SM2_ENCRYPT'] },
  EC_P256: { kind: 'sign-only', algorithms: [] },
  EC_P384: { kind: 'sign-only', algorithms: [] },
  SECP256K1: { kind: 'sign-only', algorithms: [] },
  ED25519: { kind: 'sign-only', algorithms: [] },
  // HMAC keys never encrypt either: for the console they are as unusable as signing keys.
  HMAC_256: { kind: 'sign-only', algorithms: [] },
  HMAC_384: { kind: 'sign-only', algorithms: [] },
  HMAC_512: { kind: 'sign-only', algorithms: [] },
  HMAC_SM3: { kind: 'sign-only', algorithms: [] },
};

const OAEP_HASH_BYTES: Partial<Record<EncryptionAlgorithm, number>> = {
  RSAES_OAEP_SHA_256: 32,
  RSAES_OAEP_SHA_1: 20,
};

/**
 * Largest plaintext, in UTF-8 bytes, that `encrypt-data` takes for this key and algorithm:
 * the OAEP bound k − 2·hLen − 2 for RSA, the service-wide 4096 bytes otherwise.
 */
export function maxPlainTextBytes(keySpec: KeySpec, algorithm: EncryptionAlgorithm): number {
  const info = KEY_SPEC_INFO[keySpec];
  const hashBytes = OAEP_HASH_BYTES[algorithm];
  if (info.modulusBytes !== undefined && hashBytes !== undefined) {
    return Math.min(4096, info.modulusBytes - 2 * hashBytes - 2);
  }
  return 4096;
}

export function isSymmetricSpec(keySpec: KeySpec): boolean {
  return KEY_SPEC_INFO[keySpec].kind === 'symmetric';
}

export function algorithmsForSpec(keySpec: KeySpec): readonly EncryptionAlgorithm[] {
  return KEY_SPEC_INFO[keySpec].algorithms;
}
