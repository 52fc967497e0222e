import { describe, expect, it } from 'vitest';
import type { KeyDetails } from '../../../shared/kms';
import { encryptionResultOf } from './encryption-result';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const CIPHER = 'QUJD'.repeat(40);

describe('encryptionResultOf', () => {
  it('keeps what decrypting needs and the key facts the form knew, never the plaintext', () => {
    const result = encryptionResultOf(
      {
        key_id: KEY_ID,
        plain_text: 'secret text',
        encryption_algorithm: 'SYMMETRIC_DEFAULT',
        encryption_context: { dept: 'finance' },
      },
      { key_id: KEY_ID, cipher_text: CIPHER },
      { key_id: KEY_ID, key_alias: 'e2e/aes-256', key_spec: 'AES_256' } as KeyDetails,
    );
    expect(result).toEqual({
      createdAt: expect.any(String),
      keyId: KEY_ID,
      keyAlias: 'e2e/aes-256',
      keySpec: 'AES_256',
      algorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { dept: 'finance' },
      cipherText: CIPHER,
    });
    expect(JSON.stringify(result)).not.toContain('secret text');
  });

  it('falls back to the requested key id, and records no key facts for an unknown key', () => {
    const result = encryptionResultOf(
      { key_id: KEY_ID, plain_text: 'x', encryption_algorithm: 'SM2_ENCRYPT' },
      { key_id: '', cipher_text: CIPHER },
      undefined,
    );
    expect(result).toMatchObject({
      keyId: KEY_ID,
      algorithm: 'SM2_ENCRYPT',
      encryptionContext: {},
    });
    expect(result).not.toHaveProperty('keyAlias');
    expect(result).not.toHaveProperty('keySpec');
  });
});
