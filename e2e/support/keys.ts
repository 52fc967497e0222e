/** The keys of e2e/fixtures/local-kms-seed.yaml: fixed ids on every machine. */
export const KEYS = {
  aes: { id: '0d0466b0-e727-4d9c-b35d-f84bb474a37f', alias: 'e2e/aes-256', spec: 'AES_256' },
  sm4: { id: '1a2b3c4d-0000-4000-8000-000000000002', alias: 'e2e/sm4', spec: 'SM4' },
  rsa2048: { id: '1a2b3c4d-0000-4000-8000-000000000003', alias: 'e2e/rsa-2048', spec: 'RSA_2048' },
  rsa3072: { id: '1a2b3c4d-0000-4000-8000-000000000004', alias: 'e2e/rsa-3072', spec: 'RSA_3072' },
  rsa4096: { id: '1a2b3c4d-0000-4000-8000-000000000005', alias: 'e2e/rsa-4096', spec: 'RSA_4096' },
  sm2: { id: '1a2b3c4d-0000-4000-8000-000000000006', alias: 'e2e/sm2', spec: 'SM2' },
  ecP256: { id: '1a2b3c4d-0000-4000-8000-000000000007', alias: 'e2e/ec-p256', spec: 'EC_P256' },
  disabled: {
    id: '1a2b3c4d-0000-4000-8000-000000000008',
    alias: 'e2e/aes-256-disabled',
    spec: 'AES_256',
  },
} as const;

export type SeedKey = (typeof KEYS)[keyof typeof KEYS];

/** A well-formed key id that no seed key has. */
export const UNKNOWN_KEY_ID = '1a2b3c4d-0000-4000-8000-0000000000ff';

/** The local KMS's fixed project (src/shared/local-kms-defaults.ts). */
export const LOCAL_PROJECT_ID = '0123456789abcdef0123456789abcdef';
