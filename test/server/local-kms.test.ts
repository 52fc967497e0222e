/**
 * Issue 2's acceptance through the console server against the real local KMS, both over
 * real HTTP on port 0: the configuration comes from the same environment variables `npm
 * start` reads, so the default AK/SK wiring is what is tested.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms } from '../../src/kms-local';
import { loadConsoleConfig } from '../../src/server';
import { errorCodeOf, get, post, startConsole, tempDir, type RunningConsole } from './helpers';

const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const RSA_KEY = '1a2b3c4d-0000-4000-8000-000000000003';
const CONTEXT = { department: 'finance', purpose: 'invoice 世界' };

let dataDir: string;
let localKms: LocalKms;
let server: RunningConsole;

function api(operation: string): string {
  return `${server.url}/api/kms/${operation}`;
}

beforeAll(async () => {
  dataDir = tempDir('console-local-kms-');
  localKms = await buildLocalKms(
    loadLocalKmsConfig({ LOCAL_KMS_PORT: '0', LOCAL_KMS_DATA_DIR: dataDir, LOCAL_KMS_SEED: SEED }),
  );
  const kmsUrl = new URL(await localKms.listen());
  const config = loadConsoleConfig({ CONSOLE_STATIC_DIR: dataDir }, () =>
    loadLocalKmsConfig({ LOCAL_KMS_PORT: kmsUrl.port }),
  );
  server = await startConsole({ ...config, port: 0 });
});

afterAll(async () => {
  await server.close();
  await localKms.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('console server → local KMS (AK/SK with the dev credentials)', () => {
  it('reports the local upstream in /api/config and is healthy', async () => {
    expect((await get(`${server.url}/healthz`)).body).toEqual({ status: 'ok' });
    expect((await get(`${server.url}/api/config`)).body).toEqual({
      upstream: 'local',
      endpoint: `http://127.0.0.1:${new URL(server.app.kmsUpstream.operationUrl('list-keys')).port}`,
      region: 'local',
      projectId: '0123456789abcdef0123456789abcdef',
      authMode: 'aksk',
      accessControl: false,
    });
  });

  it('encrypts and decrypts with an encryption context', async () => {
    const encrypted = await post(api('encrypt-data'), {
      key_id: AES_KEY,
      plain_text: 'hello world',
      encryption_context: CONTEXT,
    });
    expect(encrypted.status).toBe(200);
    const body = encrypted.body as { key_id: string; cipher_text: string };
    expect(body.key_id).toBe(AES_KEY);
    expect(body.cipher_text).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const decrypted = await post(api('decrypt-data'), {
      cipher_text: body.cipher_text,
      encryption_context: CONTEXT,
    });
    expect(decrypted.status).toBe(200);
    expect(decrypted.body).toMatchObject({ key_id: AES_KEY, plain_text: 'hello world' });

    const wrongContext = await post(api('decrypt-data'), {
      cipher_text: body.cipher_text,
      encryption_context: { ...CONTEXT, department: 'sales' },
    });
    expect(wrongContext.status).toBe(400);
    expect(errorCodeOf(wrongContext)).toMatch(/^KMS\./);
  });

  it('encrypts with an RSA key and decrypts with the key id and algorithm', async () => {
    const encrypted = await post(api('encrypt-data'), {
      key_id: RSA_KEY,
      plain_text: 'short secret',
      encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    expect(encrypted.status).toBe(200);
    const { cipher_text: cipherText } = encrypted.body as { cipher_text: string };
    const decrypted = await post(api('decrypt-data'), {
      cipher_text: cipherText,
      key_id: RSA_KEY,
      encryption_algorithm: 'RSAES_OAEP_SHA_256',
    });
    expect(decrypted.status).toBe(200);
    expect(decrypted.body).toMatchObject({ plain_text: 'short secret' });
  });

  it('lists and describes keys, and serves get-publickey', async () => {
    const listed = await post(api('list-keys'), { key_spec: 'ALL', limit: '100' });
    expect(listed.status).toBe(200);
    const { key_details: details } = listed.body as { key_details: Array<{ key_id: string }> };
    expect(details.map((key) => key.key_id)).toContain(AES_KEY);
    const described = await post(api('describe-key'), { key_id: AES_KEY });
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ key_info: { key_id: AES_KEY, key_spec: 'AES_256' } });
    const publicKey = await post(api('get-publickey'), { key_id: RSA_KEY });
    expect(publicKey.status).toBe(200);
    expect(publicKey.body).toMatchObject({ key_id: RSA_KEY });
  });

  it('refuses bad input with a 4xx in the KMS error shape, before forwarding', async () => {
    const cases: Array<[string, string, unknown, number, string]> = [
      ['missing field', 'encrypt-data', { key_id: AES_KEY }, 400, 'KMS.0204'],
      ['malformed key id', 'encrypt-data', { key_id: 'abc', plain_text: 'x' }, 400, 'KMS.0205'],
      ['empty plaintext', 'encrypt-data', { key_id: AES_KEY, plain_text: '' }, 400, 'KMS.2101'],
      // 1366 × "世" is 4098 bytes in UTF-8 (and only 1366 characters).
      [
        '4098-byte plaintext',
        'encrypt-data',
        { key_id: AES_KEY, plain_text: '世'.repeat(1366) },
        400,
        'KMS.2101',
      ],
      [
        '4097-byte plaintext',
        'encrypt-data',
        { key_id: AES_KEY, plain_text: `${'世'.repeat(1365)}ab` },
        400,
        'KMS.2101',
      ],
      ['invalid JSON', 'encrypt-data', '{"key_id": ', 400, 'KMS.0202'],
      ['unknown operation', 'create-key', { key_alias: 'x' }, 404, 'CONSOLE.0001'],
      ['made-up operation', 'drop-everything', {}, 404, 'CONSOLE.0001'],
      ['unknown parameter', 'describe-key', { key_id: AES_KEY, extra: 1 }, 400, 'KMS.0214'],
      ['bad sequence', 'describe-key', { key_id: AES_KEY, sequence: 'short' }, 400, 'KMS.0206'],
    ];
    for (const [name, operation, body, status, code] of cases) {
      const answer = await post(api(operation), body);
      expect({ name, status: answer.status, code: errorCodeOf(answer) }).toEqual({
        name,
        status,
        code,
      });
      expect(answer.body).toEqual({
        error: { error_code: code, error_msg: expect.any(String) },
      });
    }
    const atLimit = await post(api('encrypt-data'), {
      key_id: AES_KEY,
      plain_text: `${'世'.repeat(1365)}a`, // exactly 4096 bytes
    });
    expect(atLimit.status).toBe(200);
  });

  it('passes the local KMS refusal of a disabled key through with its status', async () => {
    const answer = await post(api('encrypt-data'), {
      key_id: '1a2b3c4d-0000-4000-8000-000000000008',
      plain_text: 'x',
    });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('KMS.0209');
  });
});

describe('console server → local KMS with its dev X-Auth-Token', () => {
  it('round-trips in token mode', async () => {
    const kmsUrl = new URL(server.app.kmsUpstream.operationUrl('list-keys'));
    const config = loadConsoleConfig({ KMS_AUTH_MODE: 'token', CONSOLE_STATIC_DIR: dataDir }, () =>
      loadLocalKmsConfig({ LOCAL_KMS_PORT: kmsUrl.port }),
    );
    expect(config.upstream.auth).toEqual({ mode: 'token', token: 'local-kms-dev-token' });
    const tokenConsole = await startConsole({ ...config, port: 0 });
    try {
      const encrypted = await post(`${tokenConsole.url}/api/kms/encrypt-data`, {
        key_id: AES_KEY,
        plain_text: 'via token',
      });
      expect(encrypted.status).toBe(200);
    } finally {
      await tokenConsole.close();
    }
  });
});
