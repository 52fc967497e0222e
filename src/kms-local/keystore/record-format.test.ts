import { describe, expect, it } from 'vitest';
import { parseKeyRecord, serializeKeyRecord } from './record-format';

/** A key file exactly as the keystore has written it since format 1 (material is a dummy). */
const FORMAT_1 = `{
  "format": 1,
  "key_id": "1a2b3c4d-0000-4000-8000-000000003001",
  "key_alias": "records/aes",
  "key_spec": "AES_256",
  "key_usage": "ENCRYPT_DECRYPT",
  "key_description": "a key on disk",
  "key_state": "4",
  "creation_date": 1767225600000,
  "scheduled_deletion_date": 1767830400000,
  "origin": "kms",
  "ordinal": 7,
  "material": {
    "algorithm": "AES-256-GCM",
    "iv": "AAECAwQFBgcICQoL",
    "tag": "AAECAwQFBgcICQoLDA0ODw==",
    "ciphertext": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
  }
}
`;

describe('key record format', () => {
  it('reads a format-1 file into metadata and wrapped material', () => {
    expect(parseKeyRecord(FORMAT_1)).toEqual({
      metadata: {
        keyId: '1a2b3c4d-0000-4000-8000-000000003001',
        alias: 'records/aes',
        spec: 'AES_256',
        usage: 'ENCRYPT_DECRYPT',
        description: 'a key on disk',
        state: '4',
        creationDate: 1767225600000,
        scheduledDeletionDate: 1767830400000,
        origin: 'kms',
        ordinal: 7,
        // Format 1 predates key management: a key read from it has none of it yet.
        materialVersion: 1,
        enterpriseProjectId: '0',
        keystoreId: '0',
        aliases: [],
        tags: [],
        rotation: {
          enabled: false,
          intervalDays: 365,
          enabledAt: null,
          lastRotationTime: null,
          count: 0,
        },
        grants: [],
      },
      wrapped: {
        algorithm: 'AES-256-GCM',
        iv: 'AAECAwQFBgcICQoL',
        tag: 'AAECAwQFBgcICQoLDA0ODw==',
        ciphertext: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=',
      },
      history: [],
    });
  });

  it('writes format 2 once a key has names, tags, rotation or grants, and reads it back', () => {
    const v1 = parseKeyRecord(FORMAT_1);
    const rotated = {
      metadata: {
        ...v1.metadata,
        materialVersion: 2,
        enterpriseProjectId: 'b3c1f0d2-0000-4000-8000-000000000001',
        keystoreId: '0',
        aliases: [{ alias: 'kms-1234', createTime: 1767225600001, updateTime: 1767225600002 }],
        tags: [{ key: 'env', value: 'test' }],
        rotation: {
          enabled: true,
          intervalDays: 30,
          enabledAt: 1767225600000,
          lastRotationTime: 1769817600000,
          count: 1,
        },
        grants: [
          {
            grantId: 'ab'.repeat(32),
            granteePrincipal: 'user1',
            granteePrincipalType: 'user' as const,
            operations: ['describe-key'],
            issuingPrincipal: 'domain1',
            creationDate: 1767225600003,
            name: 'g',
            retiringPrincipal: '',
          },
        ],
      },
      wrapped: { ...v1.wrapped, iv: 'CwoJCAcGBQQDAgEA' },
      history: [{ version: 1, createTime: 1767225600000, wrapped: v1.wrapped }],
    };
    const text = serializeKeyRecord(rotated);
    expect(JSON.parse(text)).toMatchObject({ format: 2, material_version: 2 });
    expect(parseKeyRecord(text)).toEqual(rotated);
  });

  it('writes back byte for byte what it read', () => {
    expect(serializeKeyRecord(parseKeyRecord(FORMAT_1))).toBe(FORMAT_1);
  });

  it.each([
    ['an unknown format', FORMAT_1.replace('"format": 1', '"format": 2')],
    ['a missing field', FORMAT_1.replace('"ordinal": 7,\n', '')],
    ['an unknown spec', FORMAT_1.replace('"AES_256"', '"DES"')],
    ['a bad key id', FORMAT_1.replace('3001"', '3001x"')],
    ['truncated JSON', FORMAT_1.slice(0, 100)],
  ])('refuses %s', (_case, text) => {
    expect(() => parseKeyRecord(text)).toThrow();
  });
});
