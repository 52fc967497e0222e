/**
 * The console server forwards create-datakey and decrypt-datakey (envelope encryption of
 * files needs both) and nothing else of the data-key family: encrypt-datakey and
 * create-datakey-without-plaintext stay unknown operations, refused before any upstream call.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms } from '../../src/kms-local';
import { loadConsoleConfig } from '../../src/server';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import {
  errorCodeOf,
  fakeCloudUpstream,
  post,
  startConsole,
  tempDir,
  testConfig,
  type RunningConsole,
} from '../server/helpers';

const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const SM4_KEY = '1a2b3c4d-0000-4000-8000-000000000002';
const CONTEXT = { file: 'report.pdf', purpose: 'envelope' };
const REFUSED = {
  'encrypt-datakey': {
    key_id: AES_KEY,
    plain_text: '00'.repeat(64),
    datakey_plain_length: '32',
  },
  'create-datakey-without-plaintext': { key_id: AES_KEY },
} as const;

describe('console server → local KMS: data keys', () => {
  let dataDir: string;
  let localKms: LocalKms;
  let server: RunningConsole;
  const api = (operation: string) => `${server.url}/api/kms/${operation}`;

  beforeAll(async () => {
    dataDir = tempDir('console-datakeys-');
    localKms = await buildLocalKms(
      loadLocalKmsConfig({
        LOCAL_KMS_PORT: '0',
        LOCAL_KMS_DATA_DIR: dataDir,
        LOCAL_KMS_SEED: SEED,
      }),
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

  it.each([AES_KEY, SM4_KEY])(
    'creates a data key under %s and unwraps it again, context bound',
    async (keyId) => {
      const created = await post(api('create-datakey'), {
        key_id: keyId,
        datakey_length: '256',
        encryption_context: CONTEXT,
      });
      expect(created.status).toBe(200);
      const { plain_text: dek, cipher_text: cipherText } = created.body as Record<string, string>;
      expect(dek).toMatch(/^[0-9A-F]{64}$/i);

      const decrypted = await post(api('decrypt-datakey'), {
        key_id: keyId,
        cipher_text: cipherText,
        datakey_cipher_length: '32',
        encryption_context: CONTEXT,
      });
      expect(decrypted.status).toBe(200);
      expect(decrypted.body).toEqual({
        data_key: dek,
        datakey_length: '32',
        datakey_dgst: createHash('sha256')
          .update(Buffer.from(dek!, 'hex'))
          .digest('hex')
          .toUpperCase(),
      });

      const wrongContext = await post(api('decrypt-datakey'), {
        key_id: keyId,
        cipher_text: cipherText,
        datakey_cipher_length: '32',
      });
      expect(wrongContext.status).toBe(400);
      expect(errorCodeOf(wrongContext)).toBe('KMS.0208');
    },
  );

  it('refuses a bad data-key request with the KMS code', async () => {
    const answer = await post(api('create-datakey'), { key_id: AES_KEY, datakey_length: '12' });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('KMS.1903');
  });

  it.each(Object.entries(REFUSED))('refuses %s with 404 CONSOLE.0001', async (operation, body) => {
    const answer = await post(api(operation), body);
    expect(answer.status).toBe(404);
    expect(errorCodeOf(answer)).toBe('CONSOLE.0001');
  });
});

describe('console server → fake cloud: which data-key operations are forwarded', () => {
  let cloud: FakeCloud;
  let server: RunningConsole;
  const api = (operation: string) => `${server.url}/api/kms/${operation}`;

  beforeAll(async () => {
    cloud = await startFakeCloud();
    server = await startConsole(testConfig(fakeCloudUpstream(cloud)));
  });

  afterAll(async () => {
    await server.close();
    await cloud.stop();
  });

  it('forwards create-datakey and decrypt-datakey, signed', async () => {
    const before = cloud.kmsRequestCount;
    const created = await post(api('create-datakey'), { key_id: FAKE_KEYS.enabled });
    expect(created.status).toBe(200);
    const { plain_text: dek, cipher_text: cipherText } = created.body as Record<string, string>;
    const decrypted = await post(api('decrypt-datakey'), {
      key_id: FAKE_KEYS.enabled,
      cipher_text: cipherText,
      datakey_cipher_length: '32',
    });
    expect(decrypted.status).toBe(200);
    expect((decrypted.body as Record<string, string>).data_key).toBe(dek);
    const forwarded = cloud.kmsRequests.slice(before);
    expect(
      forwarded.map(({ operation, auth, accepted }) => ({ operation, auth, accepted })),
    ).toEqual([
      { operation: 'create-datakey', auth: 'aksk', accepted: true },
      { operation: 'decrypt-datakey', auth: 'aksk', accepted: true },
    ]);
  });

  it('never forwards encrypt-datakey or create-datakey-without-plaintext', async () => {
    const before = cloud.kmsRequestCount;
    for (const [operation, body] of Object.entries(REFUSED)) {
      const answer = await post(api(operation), { ...body, key_id: FAKE_KEYS.enabled });
      expect({ operation, status: answer.status }).toEqual({ operation, status: 404 });
      expect(errorCodeOf(answer)).toBe('CONSOLE.0001');
    }
    expect(cloud.kmsRequestCount).toBe(before);
  });
});
