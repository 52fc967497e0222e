/**
 * The console's routes and the local KMS's through `app.inject()`: no socket in front of the
 * server under test; the console's upstream is the real local KMS (listening on port 0) or, where
 * a test must prove nothing was forwarded, a real HTTP server that counts what reaches it.
 */
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms } from '../../src/kms-local';
import { buildConsoleServer, loadConsoleConfig } from '../../src/server';
import { API_ERROR_CODES, publicConfigSchema, sessionStatusSchema } from '../../src/shared/console';
import { kmsErrorBodySchema } from '../../src/shared/kms';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import { NO_STATIC_DIR, tempDir, testConfig } from './helpers';

const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const JSON_HEADERS = { 'content-type': 'application/json' };

let dataDir: string;
let localKms: LocalKms;
let console_: FastifyInstance;

/** A real HTTP server standing in for KMS that only counts the requests it receives. */
let counter: http.Server;
let counted = 0;
let countingConsole: FastifyInstance;

function errorOf(body: string): { error_code: string; error_msg: string } {
  return kmsErrorBodySchema.parse(JSON.parse(body)).error;
}

beforeAll(async () => {
  dataDir = tempDir('console-inject-');
  localKms = await buildLocalKms(
    loadLocalKmsConfig({ LOCAL_KMS_PORT: '0', LOCAL_KMS_DATA_DIR: dataDir, LOCAL_KMS_SEED: SEED }),
  );
  const kmsUrl = new URL(await localKms.listen());
  const config = loadConsoleConfig({ CONSOLE_STATIC_DIR: NO_STATIC_DIR }, () =>
    loadLocalKmsConfig({ LOCAL_KMS_PORT: kmsUrl.port }),
  );
  console_ = await buildConsoleServer({ ...config, logLevel: 'silent' });

  counter = http.createServer((request, response) => {
    counted += 1;
    request.resume();
    response.setHeader('content-type', 'application/json');
    response.end('{"keys":[],"key_details":[],"truncated":"false","total":0}');
  });
  await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
  const { port } = counter.address() as AddressInfo;
  countingConsole = await buildConsoleServer(
    testConfig(
      {
        kind: 'cloud',
        endpoint: `http://127.0.0.1:${port}`,
        region: 'cn-north-4',
        projectId: LOCAL_KMS_DEFAULTS.projectId,
        auth: { mode: 'token', token: 'MIItoken' },
        timeoutMs: 5000,
      },
      { logLevel: 'silent' },
    ),
  );
});

afterAll(async () => {
  await countingConsole?.close();
  await console_?.close();
  await localKms?.close();
  if (counter) {
    counter.closeAllConnections();
    await new Promise((resolve) => counter.close(resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('console server through inject()', () => {
  it('answers /api/config in the shared schema, with exactly its fields', async () => {
    const answer = await console_.inject({ method: 'GET', url: '/api/config' });
    expect(answer.statusCode).toBe(200);
    const body: unknown = answer.json();
    const config = publicConfigSchema.parse(body);
    expect(Object.keys(body as object).sort()).toEqual(Object.keys(config).sort());
    expect(config).toMatchObject({
      upstream: 'local',
      region: 'local',
      projectId: LOCAL_KMS_DEFAULTS.projectId,
      authMode: 'aksk',
      accessControl: false,
    });
    expect(answer.body).not.toContain(LOCAL_KMS_DEFAULTS.secretKey);
  });

  it('answers /api/session in the shared schema', async () => {
    const answer = await console_.inject({ method: 'GET', url: '/api/session' });
    expect(sessionStatusSchema.parse(answer.json())).toEqual({ required: false, signedIn: false });
  });

  it('refuses an unknown operation with 404 CONSOLE.0001 and forwards nothing', async () => {
    const before = counted;
    for (const operation of ['create-key', 'schedule-key-deletion', 'no-such-operation']) {
      const answer = await countingConsole.inject({
        method: 'POST',
        url: `/api/kms/${operation}`,
        headers: JSON_HEADERS,
        payload: '{}',
      });
      expect(answer.statusCode).toBe(404);
      expect(errorOf(answer.body).error_code).toBe('CONSOLE.0001');
    }
    expect(counted).toBe(before);
    // The same server does forward an allowlisted operation: the count is not stuck at zero.
    const listed = await countingConsole.inject({
      method: 'POST',
      url: '/api/kms/list-keys',
      headers: JSON_HEADERS,
      payload: '{}',
    });
    expect(listed.statusCode).toBe(200);
    expect(counted).toBe(before + 1);
  });

  it('answers bad JSON with 400 KMS.0202 in the error shape, never quoting the body', async () => {
    const answer = await console_.inject({
      method: 'POST',
      url: '/api/kms/encrypt-data',
      headers: JSON_HEADERS,
      payload: '{"key_id": "x", "plain_text": "secret value"',
    });
    expect(answer.statusCode).toBe(400);
    expect(errorOf(answer.body).error_code).toBe('KMS.0202');
    expect(answer.body).not.toContain('secret value');
  });

  it('refuses a body that is not JSON (415 CONSOLE.0002) and a foreign origin (403 CONSOLE.0003)', async () => {
    const text = await console_.inject({
      method: 'POST',
      url: '/api/kms/encrypt-data',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect([text.statusCode, errorOf(text.body).error_code]).toEqual([415, 'CONSOLE.0002']);
    const foreign = await console_.inject({
      method: 'POST',
      url: '/api/kms/encrypt-data',
      headers: { ...JSON_HEADERS, origin: 'https://evil.example' },
      payload: '{}',
    });
    expect([foreign.statusCode, errorOf(foreign.body).error_code]).toEqual([403, 'CONSOLE.0003']);
  });

  it('answers other methods on an operation with 405 KMS.0215', async () => {
    const answer = await console_.inject({ method: 'GET', url: '/api/kms/encrypt-data' });
    expect([answer.statusCode, errorOf(answer.body).error_code]).toEqual([405, 'KMS.0215']);
  });

  it('forwards an allowed operation to the real local KMS and returns its answer', async () => {
    const encrypted = await console_.inject({
      method: 'POST',
      url: '/api/kms/encrypt-data',
      headers: JSON_HEADERS,
      payload: { key_id: AES_KEY, plain_text: 'through inject' },
    });
    expect(encrypted.statusCode).toBe(200);
    const { cipher_text: cipherText } = encrypted.json<{ cipher_text: string }>();
    const decrypted = await console_.inject({
      method: 'POST',
      url: '/api/kms/decrypt-data',
      headers: JSON_HEADERS,
      payload: { cipher_text: cipherText },
    });
    expect(decrypted.json()).toMatchObject({ key_id: AES_KEY, plain_text: 'through inject' });
  });

  it('answers every refusal with a documented code and its documented status', async () => {
    const answer = await console_.inject({ method: 'GET', url: '/api/nothing-here' });
    const error = errorOf(answer.body);
    expect(error.error_code).toBe('CONSOLE.0015');
    expect(answer.statusCode).toBe(API_ERROR_CODES['CONSOLE.0015'].status);
  });
});

describe('local KMS through inject()', () => {
  const path = `/v1.0/${LOCAL_KMS_DEFAULTS.projectId}/kms`;
  const auth = { ...JSON_HEADERS, 'x-auth-token': LOCAL_KMS_DEFAULTS.token };

  it('answers bad JSON after authentication with 400 KMS.0202, and an X-Request-Id', async () => {
    const answer = await localKms.app.inject({
      method: 'POST',
      url: `${path}/encrypt-data`,
      headers: auth,
      payload: '{"plain_text": "secret value"',
    });
    expect(answer.statusCode).toBe(400);
    expect(errorOf(answer.body).error_code).toBe('KMS.0202');
    expect(answer.body).not.toContain('secret value');
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('authenticates before it reads the body, and knows only its operations', async () => {
    const anonymous = await localKms.app.inject({
      method: 'POST',
      url: `${path}/encrypt-data`,
      headers: JSON_HEADERS,
      payload: 'not json',
    });
    expect([anonymous.statusCode, errorOf(anonymous.body).error_code]).toEqual([403, 'KMS.0301']);
    const unknown = await localKms.app.inject({
      method: 'POST',
      url: `${path}/no-such-operation`,
      headers: auth,
      payload: '{}',
    });
    expect([unknown.statusCode, errorOf(unknown.body).error_code]).toEqual([400, 'KMS.0201']);
  });
});
