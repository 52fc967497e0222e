/**
 * The first slice over real HTTP: list-keys, describe-key, encrypt-data and decrypt-data with
 * AES_256 keys, token auth, persistence across a restart, and the KMS error shape for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROJECT_ID,
  TOKEN,
  postRaw,
  removeDir,
  startKms,
  tempDir,
  writeSeed,
  type RunningKms,
} from './helpers';

const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const AES_KEY_2 = '1a2b3c4d-0000-4000-8000-0000000000a2';
const DISABLED_KEY = '1a2b3c4d-0000-4000-8000-0000000000a3';
const PENDING_KEY = '1a2b3c4d-0000-4000-8000-0000000000a4';
const UNKNOWN_KEY = '99999999-0000-4000-8000-000000000000';

let dir: string;
let kms: RunningKms;

beforeAll(async () => {
  dir = await tempDir();
  const seed = await writeSeed(dir, [
    { key_id: AES_KEY, key_alias: 'test/aes', key_spec: 'AES_256', key_description: 'first' },
    { key_id: AES_KEY_2, key_alias: 'test/aes-2', key_spec: 'AES_256' },
    { key_id: DISABLED_KEY, key_alias: 'test/disabled', key_spec: 'AES_256', key_state: '3' },
    { key_id: PENDING_KEY, key_alias: 'test/pending', key_spec: 'AES_256', key_state: '4' },
    { key_id: '1a2b3c4d-0000-4000-8000-0000000000a5', key_alias: 'test/sm4', key_spec: 'SM4' },
  ]);
  kms = await startKms(`${dir}/data`, { seedFile: seed });
});

afterAll(async () => {
  await kms.close();
  await removeDir(dir);
});

function expectKmsError(
  reply: { status: number; body: { error?: { error_code: string; error_msg: string } } },
  status: number,
  code: string,
) {
  expect({ status: reply.status, code: reply.body.error?.error_code }).toEqual({ status, code });
  expect(typeof reply.body.error?.error_msg).toBe('string');
  expect(Object.keys(reply.body)).toEqual(['error']);
}

describe('list-keys and describe-key', () => {
  it('lists AES_256 keys by default, in creation order, with string-typed fields', async () => {
    const reply = await kms.call('list-keys', {});
    expect(reply.status).toBe(200);
    expect(reply.body.keys).toEqual([AES_KEY, AES_KEY_2, DISABLED_KEY, PENDING_KEY]);
    expect(reply.body).toMatchObject({ truncated: 'false', next_marker: '', total: 4 });
    const details = reply.body.key_details as Record<string, string>[];
    expect(details[0]).toMatchObject({
      key_id: AES_KEY,
      key_alias: 'test/aes',
      key_spec: 'AES_256',
      key_state: '2',
      key_usage: 'ENCRYPT_DECRYPT',
      key_description: 'first',
      realm: 'local',
      default_key_flag: '0',
      key_type: '1',
      origin: 'kms',
    });
    for (const value of Object.values(details[0]!)) expect(typeof value).toBe('string');
    expect(details[0]!.creation_date).toMatch(/^\d{13}$/);
    expect(details[3]!.scheduled_deletion_date).toMatch(/^\d{13}$/);
  });

  it('pages with string limit and marker, filters by key_state and key_spec ALL', async () => {
    const first = await kms.call('list-keys', { limit: '3', key_spec: 'ALL' });
    expect(first.body).toMatchObject({ truncated: 'true', next_marker: '3', total: 5 });
    expect(first.body.keys).toEqual([AES_KEY, AES_KEY_2, DISABLED_KEY]);
    const second = await kms.call('list-keys', { limit: '3', key_spec: 'ALL', marker: '3' });
    expect(second.body).toMatchObject({ truncated: 'false', next_marker: '', total: 5 });
    expect((second.body.keys as string[]).length).toBe(2);
    const disabled = await kms.call('list-keys', { key_state: '3' });
    expect(disabled.body.keys).toEqual([DISABLED_KEY]);
    const sm4 = await kms.call('list-keys', { key_spec: 'SM4' });
    expect(sm4.body.total).toBe(1);
  });

  it('describes a key, and answers 404 KMS.0207 for an unknown one', async () => {
    const reply = await kms.call('describe-key', { key_id: AES_KEY });
    expect(reply.status).toBe(200);
    expect((reply.body.key_info as Record<string, string>).key_alias).toBe('test/aes');
    expectKmsError(await kms.call('describe-key', { key_id: UNKNOWN_KEY }), 404, 'KMS.0207');
  });
});

describe('encrypt-data and decrypt-data with AES_256', () => {
  it('round-trips with a context given in any key order; decrypt needs no key_id', async () => {
    const encrypted = await kms.call('encrypt-data', {
      key_id: AES_KEY,
      plain_text: 'hello world',
      encryption_context: { b: '2', a: '1', '10': 'x' },
      sequence: '919c82d4-8046-4722-9094-35c3c6524cff',
    });
    expect(encrypted.status).toBe(200);
    expect(encrypted.body.key_id).toBe(AES_KEY);
    expect(encrypted.body.cipher_text).toMatch(/^[0-9a-zA-Z+/=]{128,5648}$/);
    const decrypted = await kms.call('decrypt-data', {
      cipher_text: encrypted.body.cipher_text,
      encryption_context: { '10': 'x', a: '1', b: '2' },
    });
    expect(decrypted.status).toBe(200);
    expect(decrypted.body).toEqual({
      key_id: AES_KEY,
      plain_text: 'hello world',
      plain_text_base64: Buffer.from('hello world').toString('base64'),
    });
  });

  it('refuses a different or missing context with 400 KMS.0208', async () => {
    const encrypted = await kms.call('encrypt-data', {
      key_id: AES_KEY,
      plain_text: 'secret',
      encryption_context: { purpose: 'test' },
    });
    const cipherText = encrypted.body.cipher_text;
    expectKmsError(
      await kms.call('decrypt-data', {
        cipher_text: cipherText,
        encryption_context: { purpose: 'other' },
      }),
      400,
      'KMS.0208',
    );
    expectKmsError(await kms.call('decrypt-data', { cipher_text: cipherText }), 400, 'KMS.0208');
  });

  it('encrypts the smallest and largest plaintexts within the documented pattern', async () => {
    for (const plainText of ['x', '€'.repeat(1365) + 'a']) {
      expect(Buffer.byteLength(plainText)).toBeLessThanOrEqual(4096);
      const encrypted = await kms.call('encrypt-data', { key_id: AES_KEY, plain_text: plainText });
      expect(encrypted.body.cipher_text).toMatch(/^[0-9a-zA-Z+/=]{128,5648}$/);
      const decrypted = await kms.call('decrypt-data', { cipher_text: encrypted.body.cipher_text });
      expect(decrypted.body.plain_text).toBe(plainText);
    }
  });

  it('refuses disabled (KMS.0209), pending-deletion (KMS.0210) and unknown (KMS.0207) keys', async () => {
    const body = (keyId: string) => ({ key_id: keyId, plain_text: 'x' });
    expectKmsError(await kms.call('encrypt-data', body(DISABLED_KEY)), 400, 'KMS.0209');
    expectKmsError(await kms.call('encrypt-data', body(PENDING_KEY)), 400, 'KMS.0210');
    expectKmsError(await kms.call('encrypt-data', body(UNKNOWN_KEY)), 404, 'KMS.0207');
  });
});

describe('bad input gets a 4xx with the KMS error shape', () => {
  const multibyte4097 = '界'.repeat(1365) + 'ab'; // 4095 + 2 = 4097 bytes, 1367 characters

  it.each([
    ['a missing key_id', { plain_text: 'x' }, 'KMS.0204'],
    ['a missing plain_text', { key_id: AES_KEY }, 'KMS.0204'],
    ['a malformed key id', { key_id: 'not-a-key', plain_text: 'x' }, 'KMS.0205'],
    ['an upper-case key id', { key_id: AES_KEY.toUpperCase(), plain_text: 'x' }, 'KMS.0205'],
    ['an empty plaintext', { key_id: AES_KEY, plain_text: '' }, 'KMS.2101'],
    ['a 4097-byte multibyte plaintext', { key_id: AES_KEY, plain_text: multibyte4097 }, 'KMS.2101'],
    ['a number as plaintext', { key_id: AES_KEY, plain_text: 42 }, 'KMS.2101'],
    ['an extra field', { key_id: AES_KEY, plain_text: 'x', colour: 'red' }, 'KMS.0214'],
    ['a bad sequence', { key_id: AES_KEY, plain_text: 'x', sequence: 'short' }, 'KMS.0206'],
    [
      'a non-string context value',
      { key_id: AES_KEY, plain_text: 'x', encryption_context: { a: 1 } },
      'KMS.0208',
    ],
    [
      'an unknown algorithm',
      { key_id: AES_KEY, plain_text: 'x', encryption_algorithm: 'ROT13' },
      'KMS.0308',
    ],
  ])('encrypt-data with %s → 400 %s', async (_name, body, code) => {
    expect(Buffer.byteLength(multibyte4097)).toBe(4097);
    expectKmsError(await kms.call('encrypt-data', body), 400, code);
  });

  it('invalid JSON → 400 KMS.0202, a JSON array → 400 KMS.0214', async () => {
    expectKmsError(await kms.call('encrypt-data', '{"key_id": '), 400, 'KMS.0202');
    expectKmsError(await kms.call('encrypt-data', '[]'), 400, 'KMS.0214');
  });

  it('an unknown operation or path → 400 KMS.0201; GET → 405 KMS.0215', async () => {
    expectKmsError(await kms.call('export-everything', {}), 400, 'KMS.0201');
    expectKmsError(
      await postRaw(`${kms.url}/v2/${PROJECT_ID}/kms/encrypt-data`, { body: '{}' }),
      400,
      'KMS.0201',
    );
    expectKmsError(
      await postRaw(`${kms.url}/v1.0/${PROJECT_ID}/kms/list-keys`, {
        method: 'GET',
        headers: { 'X-Auth-Token': TOKEN },
      }),
      405,
      'KMS.0215',
    );
  });

  it('a body over 64 KiB → 400 KMS.0203', async () => {
    const huge = JSON.stringify({ key_id: AES_KEY, plain_text: 'x'.repeat(70 * 1024) });
    expectKmsError(await kms.call('encrypt-data', huge), 400, 'KMS.0203');
  });

  it('a non-JSON content type → 400 KMS.0214; charset is optional', async () => {
    const url = `${kms.url}/v1.0/${PROJECT_ID}/kms/list-keys`;
    expectKmsError(
      await postRaw(url, {
        body: '{}',
        headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'text/plain' },
      }),
      400,
      'KMS.0214',
    );
    const plain = await postRaw(url, {
      body: '{}',
      headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
    });
    expect(plain.status).toBe(200);
  });
});

describe('response headers', () => {
  it('every answer carries an X-Request-Id and is JSON, as the cloud does', async () => {
    const response = await fetch(`${kms.url}/v1.0/${PROJECT_ID}/kms/list-keys`, {
      method: 'POST',
      headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const refused = await fetch(`${kms.url}/nowhere`);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('token authentication and project check', () => {
  const url = () => `${kms.url}/v1.0/${PROJECT_ID}/kms/list-keys`;
  const json = { 'Content-Type': 'application/json' };

  it('no credentials → 403 KMS.0301; a wrong token → 403 KMS.0302', async () => {
    expectKmsError(await postRaw(url(), { body: '{}', headers: json }), 403, 'KMS.0301');
    expectKmsError(
      await postRaw(url(), { body: '{}', headers: { ...json, 'X-Auth-Token': 'wrong' } }),
      403,
      'KMS.0302',
    );
  });

  it('another project id in the path → 403 KMS.0321', async () => {
    const other = `${kms.url}/v1.0/${'f'.repeat(32)}/kms/list-keys`;
    expectKmsError(
      await postRaw(other, { body: '{}', headers: { ...json, 'X-Auth-Token': TOKEN } }),
      403,
      'KMS.0321',
    );
  });
});

describe('persistence', () => {
  it('keeps keys across a restart: a ciphertext made before decrypts after', async () => {
    const restartDir = await tempDir();
    try {
      const first = await startKms(restartDir);
      const listed = await first.call('list-keys', { key_spec: 'ALL' });
      // First start without a seed file: the demo set, one key per spec plus a disabled one.
      const aliases = (listed.body.key_details as { key_alias: string; key_spec: string }[]).map(
        (key) => `${key.key_alias}:${key.key_spec}`,
      );
      expect(aliases).toEqual([
        'demo/aes-256:AES_256',
        'demo/sm4:SM4',
        'demo/rsa-2048:RSA_2048',
        'demo/rsa-3072:RSA_3072',
        'demo/rsa-4096:RSA_4096',
        'demo/sm2:SM2',
        'demo/ec-p256:EC_P256',
        'demo/aes-256-disabled:AES_256',
      ]);
      const keyId = (listed.body.keys as string[])[0]!;
      const encrypted = await first.call('encrypt-data', {
        key_id: keyId,
        plain_text: 'survives a restart',
        encryption_context: { run: 'one' },
      });
      await first.close();

      const second = await startKms(restartDir);
      try {
        const after = await second.call('list-keys', { key_spec: 'ALL' });
        expect(after.body.keys).toEqual(listed.body.keys);
        const decrypted = await second.call('decrypt-data', {
          cipher_text: encrypted.body.cipher_text,
          encryption_context: { run: 'one' },
        });
        expect(decrypted.body.plain_text).toBe('survives a restart');
      } finally {
        await second.close();
      }
    } finally {
      await removeDir(restartDir);
    }
  });
});
