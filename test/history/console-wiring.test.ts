/**
 * The team history wired into the console server (issue 12): records through the API, the
 * audit of what went through the proxy (encrypt, decrypt, verify, sessions) with its outcome,
 * the actor from each source, and the history behind the same guards. Real local KMS, real
 * fake cloud IAM, real HTTP, an embedded store (PGlite in memory).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms } from '../../src/kms-local';
import { buildConsoleServer, type ConsoleConfig } from '../../src/server';
import { openHistoryStore } from '../../src/server/history/store';
import type { AuditEvent, HistoryItem } from '../../src/shared/console/history';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { get, LogCapture, post, tempDir, testConfig } from '../server/helpers';
import { STORE_TIMEOUT } from './helpers';

const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const ACCESS_TOKEN = 'console-access-token-for-history-0123456789';

interface Running {
  url: string;
  close(): Promise<void>;
}

async function startWithHistory(config: ConsoleConfig): Promise<Running> {
  const history = await openHistoryStore({ kind: 'pglite', dataDir: null });
  const app = await buildConsoleServer({ ...config, logStream: new LogCapture() }, { history });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: () => app.close() };
}

async function audit(url: string, headers: Record<string, string> = {}): Promise<AuditEvent[]> {
  // The audit is written after each answer has gone out: wait until it has landed.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const answer = await get(`${url}/api/audit`, headers);
  expect(answer.status).toBe(200);
  return (answer.body as { items: AuditEvent[] }).items;
}

let dataDir: string;
let localKms: LocalKms;
let kmsPort: string;

beforeAll(async () => {
  dataDir = tempDir('console-history-');
  localKms = await buildLocalKms(
    loadLocalKmsConfig({ LOCAL_KMS_PORT: '0', LOCAL_KMS_DATA_DIR: dataDir, LOCAL_KMS_SEED: SEED }),
  );
  kmsPort = new URL(await localKms.listen()).port;
});

afterAll(async () => {
  await localKms.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function localConfig(overrides: Partial<ConsoleConfig> = {}): ConsoleConfig {
  const kms = loadLocalKmsConfig({ LOCAL_KMS_PORT: kmsPort });
  return testConfig(
    {
      kind: 'local',
      endpoint: `http://127.0.0.1:${kmsPort}`,
      region: 'local',
      projectId: kms.projectId,
      auth: { mode: 'aksk', accessKey: kms.accessKey, secretKey: kms.secretKey },
      timeoutMs: 5000,
    },
    overrides,
  );
}

describe('console with the team history (embedded default)', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startWithHistory(localConfig());
  }, STORE_TIMEOUT);
  afterAll(async () => server.close());

  it('says so in /api/config, records an encryption, and audits encrypt, decrypt and verify as "local"', async () => {
    expect((await get(`${server.url}/api/config`)).body).toMatchObject({ teamHistory: true });
    const context = { invoice: 'INV-7' };
    const encrypted = await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: AES_KEY,
      plain_text: 'wired plaintext',
      encryption_context: context,
    });
    expect(encrypted.status).toBe(200);
    const cipherText = (encrypted.body as { cipher_text: string }).cipher_text;

    const record = await post(
      `${server.url}/api/history`,
      {
        key_id: AES_KEY,
        key_alias: 'e2e/aes',
        key_spec: 'AES_256',
        encryption_algorithm: 'SYMMETRIC_DEFAULT',
        encryption_context: context,
        cipher_text: cipherText,
        label: 'March invoices',
      },
      { origin: server.url },
    );
    expect(record.status).toBe(201);
    const found = await get(`${server.url}/api/history?q=${encodeURIComponent('march INV-7')}`);
    const items = (found.body as { items: HistoryItem[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actor: 'local',
      cipher_text: cipherText,
      upstream: { kind: 'local' },
    });

    const decrypt = { cipher_text: cipherText, encryption_context: context };
    expect((await post(`${server.url}/api/kms/decrypt-data`, decrypt)).status).toBe(200);
    const verify = await post(`${server.url}/api/kms/decrypt-data`, decrypt, {
      'x-console-action': 'verify',
    });
    expect(verify.status).toBe(200);
    const wrong = await post(`${server.url}/api/kms/decrypt-data`, {
      cipher_text: cipherText,
      encryption_context: { invoice: 'other' },
    });
    expect(wrong.status).toBeGreaterThanOrEqual(400);
    const wrongCode = (wrong.body as { error: { error_code: string } }).error.error_code;

    const events = await audit(server.url);
    const summary = events.map((event) => [event.action, event.actor, event.outcome]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['encrypt', 'local', 'ok'],
        ['decrypt', 'local', 'ok'],
        ['verify', 'local', 'ok'],
        ['decrypt', 'local', wrongCode],
      ]),
    );
    const encryptEvent = events.find((event) => event.action === 'encrypt');
    expect(encryptEvent?.key_id).toBe(AES_KEY);
    expect(encryptEvent?.request_id).toMatch(/^[0-9a-f]{32}$/);
    // A list of keys is a read, not an audited action.
    await post(`${server.url}/api/kms/list-keys`, { limit: '10' });
    expect((await audit(server.url)).filter((event) => event.action === 'encrypt')).toHaveLength(1);
  });

  it('refuses a cross-origin write to the history, as every other state change', async () => {
    const answer = await post(
      `${server.url}/api/history`,
      {
        key_id: AES_KEY,
        encryption_algorithm: 'SYMMETRIC_DEFAULT',
        encryption_context: {},
        cipher_text: 'QUJD',
      },
      { origin: 'https://evil.example' },
    );
    expect(answer.status).toBe(403);
  });
});

describe('actors', () => {
  it(
    'is the signed-in session behind CONSOLE_ACCESS_TOKEN, and the history needs a session',
    async () => {
      const server = await startWithHistory(localConfig({ accessToken: ACCESS_TOKEN }));
      try {
        expect((await get(`${server.url}/api/history`)).status).toBe(401);
        expect((await get(`${server.url}/api/audit`)).status).toBe(401);
        const refused = await post(`${server.url}/api/session`, {
          access_token: 'wrong-token-0123456789',
        });
        expect(refused.status).toBe(401);
        const signIn = await post(`${server.url}/api/session`, { access_token: ACCESS_TOKEN });
        expect(signIn.status).toBe(204);
        const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
        const encrypted = await post(
          `${server.url}/api/kms/encrypt-data`,
          { key_id: AES_KEY, plain_text: 'session plaintext' },
          { cookie },
        );
        expect(encrypted.status).toBe(200);
        const signOut = await fetch(`${server.url}/api/session`, {
          method: 'DELETE',
          headers: { cookie },
        });
        expect(signOut.status).toBe(204);

        const again = await post(`${server.url}/api/session`, { access_token: ACCESS_TOKEN });
        const events = await audit(server.url, {
          cookie: (again.headers.get('set-cookie') ?? '').split(';')[0]!,
        });
        // Newest first: the first sign-in is the last of its kind.
        const signedIn = events.findLast(
          (e) => e.action === 'session.sign-in' && e.outcome === 'ok',
        );
        expect(signedIn?.actor).toMatch(/^session:[0-9a-f]{16}$/);
        const encrypt = events.find((e) => e.action === 'encrypt');
        const signedOut = events.find((e) => e.action === 'session.sign-out');
        expect(encrypt?.actor).toBe(signedIn?.actor);
        expect(signedOut?.actor).toBe(signedIn?.actor);
        expect(
          events.find((e) => e.action === 'session.sign-in' && e.outcome === 'CONSOLE.0006'),
        ).toBeDefined();
        expect(JSON.stringify(events)).not.toContain(ACCESS_TOKEN);
      } finally {
        await server.close();
      }
    },
    STORE_TIMEOUT,
  );

  it(
    'is the identity header set by a trusted proxy, and only by one',
    async () => {
      const trusted = await startWithHistory(
        localConfig({
          trustProxy: ['127.0.0.1'],
          history: { enabled: true, dataDir, identityHeader: 'x-forwarded-user' },
        }),
      );
      const untrusted = await startWithHistory(
        localConfig({
          trustProxy: ['10.9.9.9'],
          history: { enabled: true, dataDir, identityHeader: 'x-forwarded-user' },
        }),
      );
      try {
        for (const server of [trusted, untrusted]) {
          const answer = await post(
            `${server.url}/api/kms/encrypt-data`,
            { key_id: AES_KEY, plain_text: 'proxied' },
            { 'x-forwarded-user': 'alice@example.com' },
          );
          expect(answer.status).toBe(200);
        }
        expect((await audit(trusted.url))[0]).toMatchObject({
          action: 'encrypt',
          actor: 'alice@example.com',
        });
        expect((await audit(untrusted.url))[0]).toMatchObject({
          action: 'encrypt',
          actor: 'local',
        });
      } finally {
        await trusted.close();
        await untrusted.close();
      }
    },
    STORE_TIMEOUT,
  );

  describe('operator token mode', () => {
    let cloud: FakeCloud;
    beforeAll(async () => {
      cloud = await startFakeCloud({ iamUser: 'alice', iamDomain: 'acme' });
    });
    afterAll(async () => cloud.stop());

    it(
      'is the IAM user the pasted token belongs to, looked up once per token',
      async () => {
        const server = await startWithHistory(
          testConfig(
            {
              kind: 'cloud',
              endpoint: cloud.baseUrl,
              region: 'cn-north-4',
              projectId: cloud.projectId,
              auth: { mode: 'operator' },
              timeoutMs: 5000,
            },
            { history: { enabled: true, dataDir, iamEndpoint: cloud.baseUrl } },
          ),
        );
        try {
          const token = cloud.issueToken();
          const before = cloud.iamTokenInspections;
          for (let n = 0; n < 3; n += 1) {
            const answer = await post(
              `${server.url}/api/kms/encrypt-data`,
              { key_id: FAKE_KEYS.enabled, plain_text: `operator ${n}` },
              { 'x-auth-token': token },
            );
            expect(answer.status).toBe(200);
          }
          const events = await audit(server.url, { 'x-auth-token': token });
          expect(events.filter((e) => e.action === 'encrypt').map((e) => e.actor)).toEqual([
            'acme/alice',
            'acme/alice',
            'acme/alice',
          ]);
          expect(cloud.iamTokenInspections - before).toBe(1);
          expect(JSON.stringify(events)).not.toContain(token);
        } finally {
          await server.close();
        }
      },
      STORE_TIMEOUT,
    );
  });
});
