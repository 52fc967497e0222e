/**
 * Key management operations and every bad input of issue 3 point 6, over real HTTP, each
 * asserting the status and the KMS error code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { removeDir, startKms, tempDir, writeSeed, type KmsReply, type RunningKms } from './helpers';

const AES = '1a2b3c4d-0000-4000-8000-000000000c01';
const AES_OTHER = '1a2b3c4d-0000-4000-8000-000000000c02';
const SM4 = '1a2b3c4d-0000-4000-8000-000000000c03';
const RSA = '1a2b3c4d-0000-4000-8000-000000000c04';
const RSA_OTHER = '1a2b3c4d-0000-4000-8000-000000000c05';
const SM2 = '1a2b3c4d-0000-4000-8000-000000000c06';
const SM2_OTHER = '1a2b3c4d-0000-4000-8000-000000000c07';
const UNKNOWN = '1a2b3c4d-0000-4000-8000-00000000dead';

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: AES, key_alias: 'ops/aes', key_spec: 'AES_256' },
    { key_id: AES_OTHER, key_alias: 'ops/aes-other', key_spec: 'AES_256' },
    { key_id: SM4, key_alias: 'ops/sm4', key_spec: 'SM4' },
    { key_id: RSA, key_alias: 'ops/rsa', key_spec: 'RSA_2048' },
    { key_id: RSA_OTHER, key_alias: 'ops/rsa-other', key_spec: 'RSA_2048' },
    { key_id: SM2, key_alias: 'ops/sm2', key_spec: 'SM2' },
    { key_id: SM2_OTHER, key_alias: 'ops/sm2-other', key_spec: 'SM2' },
  ]);
  kms = await startKms(join(dir, 'data'), { seedFile: seed });
}, 60_000);

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

function expectError(reply: KmsReply, status: number, code: string): void {
  expect({ status: reply.status, body: reply.body }).toEqual({
    status,
    body: { error: { error_code: code, error_msg: expect.any(String) } },
  });
}

async function encrypt(body: Record<string, unknown>): Promise<string> {
  const reply = await kms.call('encrypt-data', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body.cipher_text as string;
}

describe('create-key', () => {
  it('creates keys of every spec with the cloud response shape', async () => {
    for (const spec of ['AES_256', 'SM4', 'SM2', 'EC_P256', 'EC_P384']) {
      const alias = `created/${spec.toLowerCase()}`;
      const reply = await kms.call('create-key', {
        key_alias: alias,
        key_spec: spec,
        key_description: `made by a test`,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      const info = reply.body.key_info as { key_id: string; domain_id: string };
      expect(info.key_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(info.domain_id).toMatch(/^[0-9a-f]{32}$/);
      const described = await kms.call('describe-key', { key_id: info.key_id });
      expect(described.body.key_info).toMatchObject({
        key_alias: alias,
        key_spec: spec,
        key_state: '2',
        key_description: 'made by a test',
        key_usage: spec.startsWith('EC_') ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT',
        key_type: spec === 'AES_256' || spec === 'SM4' ? '1' : '2',
      });
    }
  });

  it('defaults to AES_256 and the new key encrypts at once', async () => {
    const reply = await kms.call('create-key', { key_alias: 'created/plain' });
    const keyId = (reply.body.key_info as { key_id: string }).key_id;
    const cipherText = await encrypt({ key_id: keyId, plain_text: 'fresh' });
    const decrypted = await kms.call('decrypt-data', { cipher_text: cipherText });
    expect(decrypted.body.plain_text).toBe('fresh');
  });

  it.each([
    ['a duplicate alias', { key_alias: 'ops/aes' }, 'KMS.1104'],
    ['an alias with a space', { key_alias: 'bad alias' }, 'KMS.1101'],
    ['an alias ending in /default', { key_alias: 'x/default' }, 'KMS.1101'],
    ['a missing alias', { key_spec: 'AES_256' }, 'KMS.0204'],
    ['an unknown spec', { key_alias: 'x1', key_spec: 'DES' }, 'KMS.0308'],
    [
      'an EC key for encryption',
      { key_alias: 'x2', key_spec: 'EC_P256', key_usage: 'ENCRYPT_DECRYPT' },
      'KMS.0308',
    ],
    [
      'a symmetric signing key',
      { key_alias: 'x3', key_spec: 'SM4', key_usage: 'SIGN_VERIFY' },
      'KMS.0308',
    ],
    ['external key material', { key_alias: 'x4', origin: 'external' }, 'KMS.0308'],
    [
      'a description over 255 characters',
      { key_alias: 'x5', key_description: 'd'.repeat(256) },
      'KMS.0308',
    ],
  ])('refuses %s → %s', async (_name, body, code) => {
    expectError(await kms.call('create-key', body), 400, code);
  });
});

describe('key states', () => {
  it('disable → enable → schedule deletion → cancel, each refusing use in its state', async () => {
    const created = await kms.call('create-key', { key_alias: 'states/one' });
    const keyId = (created.body.key_info as { key_id: string }).key_id;
    const cipherText = await encrypt({ key_id: keyId, plain_text: 'state test' });

    const disabled = await kms.call('disable-key', { key_id: keyId });
    expect(disabled.body).toEqual({ key_info: { key_id: keyId, key_state: '3' } });
    expectError(
      await kms.call('encrypt-data', { key_id: keyId, plain_text: 'x' }),
      400,
      'KMS.0209',
    );
    expectError(await kms.call('decrypt-data', { cipher_text: cipherText }), 400, 'KMS.0209');

    const enabled = await kms.call('enable-key', { key_id: keyId });
    expect(enabled.body).toEqual({ key_info: { key_id: keyId, key_state: '2' } });
    expect((await kms.call('decrypt-data', { cipher_text: cipherText })).status).toBe(200);

    const scheduled = await kms.call('schedule-key-deletion', { key_id: keyId, pending_days: '7' });
    expect(scheduled.body).toEqual({ key_id: keyId, key_state: '4' });
    const info = (await kms.call('describe-key', { key_id: keyId })).body.key_info as Record<
      string,
      string
    >;
    const days = (Number(info.scheduled_deletion_date) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    expectError(
      await kms.call('encrypt-data', { key_id: keyId, plain_text: 'x' }),
      400,
      'KMS.0210',
    );
    expectError(await kms.call('decrypt-data', { cipher_text: cipherText }), 400, 'KMS.0210');
    expectError(await kms.call('enable-key', { key_id: keyId }), 400, 'KMS.0210');
    expectError(
      await kms.call('schedule-key-deletion', { key_id: keyId, pending_days: '8' }),
      400,
      'KMS.0210',
    );

    // As in the cloud, cancelling a deletion leaves the key disabled.
    const cancelled = await kms.call('cancel-key-deletion', { key_id: keyId });
    expect(cancelled.body).toEqual({ key_id: keyId, key_state: '3' });
    const after = (await kms.call('describe-key', { key_id: keyId })).body.key_info as Record<
      string,
      string
    >;
    expect(after.scheduled_deletion_date).toBe('');
    expectError(await kms.call('cancel-key-deletion', { key_id: keyId }), 400, 'KMS.0308');
  });

  it.each([
    ['6', 'KMS.0308'],
    ['1097', 'KMS.0308'],
    ['seven', 'KMS.0308'],
  ])('pending_days %s → %s', async (pendingDays, code) => {
    expectError(
      await kms.call('schedule-key-deletion', { key_id: AES_OTHER, pending_days: pendingDays }),
      400,
      code,
    );
  });

  it('pending_days is required; unknown keys are 404', async () => {
    expectError(await kms.call('schedule-key-deletion', { key_id: AES_OTHER }), 400, 'KMS.0204');
    expectError(await kms.call('disable-key', { key_id: UNKNOWN }), 404, 'KMS.0207');
    expectError(await kms.call('enable-key', { key_id: UNKNOWN }), 404, 'KMS.0207');
  });
});

describe('additional_authenticated_data', () => {
  it('binds the ciphertext like a context, alone or together with one', async () => {
    const cipherText = await encrypt({
      key_id: SM4,
      plain_text: 'aad test',
      additional_authenticated_data: 'order-42',
      encryption_context: { tenant: 't1' },
    });
    const ok = await kms.call('decrypt-data', {
      cipher_text: cipherText,
      additional_authenticated_data: 'order-42',
      encryption_context: { tenant: 't1' },
    });
    expect(ok.body.plain_text).toBe('aad test');
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: cipherText,
        additional_authenticated_data: 'order-43',
        encryption_context: { tenant: 't1' },
      }),
      400,
      'KMS.0208',
    );
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: cipherText,
        encryption_context: { tenant: 't1' },
      }),
      400,
      'KMS.0208',
    );
  });

  it('over 128 bytes → KMS.0308', async () => {
    expectError(
      await kms.call('encrypt-data', {
        key_id: AES,
        plain_text: 'x',
        additional_authenticated_data: 'é'.repeat(65),
      }),
      400,
      'KMS.0308',
    );
  });

  it('asymmetric keys refuse a context: it would protect nothing', async () => {
    expectError(
      await kms.call('encrypt-data', {
        key_id: RSA,
        plain_text: 'x',
        encryption_algorithm: 'RSAES_OAEP_SHA_256',
        encryption_context: { a: 'b' },
      }),
      400,
      'KMS.0208',
    );
  });
});

describe('bad input (issue 3 point 6), each with its status and code', () => {
  it('invalid JSON → 400 KMS.0202; an empty body → 400 KMS.0202', async () => {
    expectError(await kms.call('decrypt-data', '{"cipher_text":'), 400, 'KMS.0202');
    expectError(await kms.call('list-keys', ''), 400, 'KMS.0202');
    expectError(await kms.call('list-keys', '\u00ff'), 400, 'KMS.0202');
  });

  it('missing, extra and wrong-typed fields', async () => {
    expectError(await kms.call('decrypt-data', {}), 400, 'KMS.0204');
    expectError(await kms.call('describe-key', {}), 400, 'KMS.0204');
    expectError(await kms.call('describe-key', { key_id: AES, extra: 1 }), 400, 'KMS.0214');
    expectError(await kms.call('describe-key', { key_id: 17 }), 400, 'KMS.0205');
    expectError(await kms.call('list-keys', { limit: 10 }), 400, 'KMS.0308');
    expectError(await kms.call('list-keys', { limit: '2001' }), 400, 'KMS.0308');
    expectError(await kms.call('list-keys', { key_state: '9' }), 400, 'KMS.0308');
    expectError(await kms.call('decrypt-data', { cipher_text: ['a'] }), 400, 'KMS.2201');
    expectError(
      await kms.call('encrypt-data', { key_id: AES, plain_text: 'x', encryption_context: 'a=b' }),
      400,
      'KMS.0208',
    );
    expectError(
      await kms.call('encrypt-data', {
        key_id: AES,
        plain_text: 'x',
        encryption_context: { big: 'v'.repeat(8200) },
      }),
      400,
      'KMS.0208',
    );
  });

  it('an oversize body → 400 KMS.0203', async () => {
    const body = JSON.stringify({ cipher_text: 'A'.repeat(80_000) });
    expectError(await kms.call('decrypt-data', body), 400, 'KMS.0203');
  });

  it('bad Base64 → 400 KMS.2201', async () => {
    const good = await encrypt({ key_id: AES, plain_text: 'b64' });
    // Valid characters but not canonical Base64: a wrong amount of padding, a stray "=".
    expectError(await kms.call('decrypt-data', { cipher_text: `${good}=` }), 400, 'KMS.2201');
    expectError(
      await kms.call('decrypt-data', { cipher_text: `${good.slice(0, 50)}=${good.slice(51)}` }),
      400,
      'KMS.2201',
    );
    expectError(await kms.call('decrypt-data', { cipher_text: 'not base64!' }), 400, 'KMS.2201');
    expectError(await kms.call('decrypt-data', { cipher_text: 'QUJD' }), 400, 'KMS.2201');
  });

  it('truncated ciphertext → 400 KMS.2201', async () => {
    for (const keyId of [AES, SM4]) {
      const bytes = Buffer.from(
        await encrypt({ key_id: keyId, plain_text: 'truncate me' }),
        'base64',
      );
      const cut = bytes.subarray(0, bytes.length - 3).toString('base64');
      expectError(await kms.call('decrypt-data', { cipher_text: cut }), 400, 'KMS.2201');
      const headerOnly = bytes.subarray(0, 100).toString('base64');
      expectError(await kms.call('decrypt-data', { cipher_text: headerOnly }), 400, 'KMS.2201');
    }
  });

  it('tampered ciphertext, at any byte, → 400 KMS.2201 (or 0208 when the context digest is hit)', async () => {
    for (const keyId of [AES, SM4]) {
      const bytes = Buffer.from(await encrypt({ key_id: keyId, plain_text: 'tamper' }), 'base64');
      const codes = new Set<string>();
      // Every region: version, algorithm, key id, key version, digest, IV, tag, body.
      for (const index of [2, 3, 10, 40, 50, 80, 90, 100, bytes.length - 2, bytes.length - 1]) {
        const tampered = Buffer.from(bytes);
        tampered[index] = tampered[index]! ^ 0x01;
        const reply = await kms.call('decrypt-data', { cipher_text: tampered.toString('base64') });
        expect(reply.status, `byte ${index}`).toBeGreaterThanOrEqual(400);
        expect(reply.status, `byte ${index}`).toBeLessThan(500);
        codes.add(reply.body.error!.error_code);
      }
      expect([...codes].sort()).toEqual(['KMS.0207', 'KMS.0208', 'KMS.2201']);
    }
  });

  it('a wrong context → 400 KMS.0208', async () => {
    const cipherText = await encrypt({
      key_id: AES,
      plain_text: 'ctx',
      encryption_context: { a: '1', b: '2' },
    });
    for (const context of [{ a: '1' }, { a: '1', b: '3' }, { a: '1', b: '2', c: '3' }, {}]) {
      expectError(
        await kms.call('decrypt-data', { cipher_text: cipherText, encryption_context: context }),
        400,
        'KMS.0208',
      );
    }
  });

  it('a wrong key for an asymmetric ciphertext → 400 KMS.0311 (RSA) / KMS.2201 (SM2)', async () => {
    const rsaCipher = await encrypt({
      key_id: RSA,
      plain_text: 'rsa',
      encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: rsaCipher,
        key_id: RSA_OTHER,
        encryption_algorithm: 'RSAES_OAEP_SHA_256',
      }),
      400,
      'KMS.0311',
    );
    const sm2Cipher = await encrypt({
      key_id: SM2,
      plain_text: 'sm2',
      encryption_algorithm: 'SM2_ENCRYPT',
    });
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: sm2Cipher,
        key_id: SM2_OTHER,
        encryption_algorithm: 'SM2_ENCRYPT',
      }),
      400,
      'KMS.2201',
    );
    // An RSA ciphertext handed to an SM2 key, and one of the wrong length.
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: rsaCipher,
        key_id: SM2,
        encryption_algorithm: 'SM2_ENCRYPT',
      }),
      400,
      'KMS.2201',
    );
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: Buffer.from(rsaCipher, 'base64').subarray(1).toString('base64'),
        key_id: RSA,
        encryption_algorithm: 'RSAES_OAEP_SHA_256',
      }),
      400,
      'KMS.2201',
    );
    // Tampered SM2: C3 no longer matches.
    const sm2Bytes = Buffer.from(sm2Cipher, 'base64');
    sm2Bytes[sm2Bytes.length - 1] = sm2Bytes[sm2Bytes.length - 1]! ^ 0x80;
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: sm2Bytes.toString('base64'),
        key_id: SM2,
        encryption_algorithm: 'SM2_ENCRYPT',
      }),
      400,
      'KMS.2201',
    );
  });

  it('asymmetric ciphertext without key_id → 400 KMS.0204 / KMS.2201', async () => {
    const rsaCipher = await encrypt({
      key_id: RSA,
      plain_text: 'rsa',
      encryption_algorithm: 'RSAES_OAEP_SHA_1',
    });
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: rsaCipher,
        encryption_algorithm: 'RSAES_OAEP_SHA_1',
      }),
      400,
      'KMS.0204',
    );
    expectError(await kms.call('decrypt-data', { cipher_text: rsaCipher }), 400, 'KMS.2201');
  });

  it('a symmetric ciphertext with another key_id → 400 KMS.2201; with an RSA algorithm → KMS.2105', async () => {
    const cipherText = await encrypt({ key_id: AES, plain_text: 'sym' });
    expectError(
      await kms.call('decrypt-data', { cipher_text: cipherText, key_id: AES_OTHER }),
      400,
      'KMS.2201',
    );
    expectError(
      await kms.call('decrypt-data', { cipher_text: cipherText, key_id: SM4 }),
      400,
      'KMS.2201',
    );
    expectError(
      await kms.call('decrypt-data', {
        cipher_text: cipherText,
        key_id: AES,
        encryption_algorithm: 'RSAES_OAEP_SHA_256',
      }),
      400,
      'KMS.2105',
    );
  });

  it('an unknown key → 404 KMS.0207, also when named inside a ciphertext', async () => {
    expectError(
      await kms.call('encrypt-data', { key_id: UNKNOWN, plain_text: 'x' }),
      404,
      'KMS.0207',
    );
    expectError(await kms.call('get-publickey', { key_id: UNKNOWN }), 404, 'KMS.0207');
    const bytes = Buffer.from(await encrypt({ key_id: AES, plain_text: 'who' }), 'base64');
    bytes.write(UNKNOWN, 4, 'ascii');
    expectError(
      await kms.call('decrypt-data', { cipher_text: bytes.toString('base64') }),
      404,
      'KMS.0207',
    );
  });
});
