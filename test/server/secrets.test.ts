/**
 * Secrets stay secret: with sentinel credentials in every mode, drive the console through
 * successes, refusals and upstream failures, then search every response (headers and body),
 * every log line (at trace level) and the built browser bundle for any of them. Plaintext and
 * ciphertext must not reach the log either.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleConfig, UpstreamAuth } from '../../src/server';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { startConsole, testConfig, type RunningConsole } from './helpers';

const SENTINELS = {
  accessKey: 'SENTINELAKSENTINELAK',
  secretKey: 'sentinel-secret-key-SK-0123456789abcdefgh',
  iamPassword: 'Sentinel-IAM-Passw0rd!',
  consoleAccessToken: 'sentinel-console-access-token-0123456789',
};
const PLAINTEXT = 'sentinel plaintext: the launch code is 0000';

let cloud: FakeCloud;
const consoles: RunningConsole[] = [];
/** Every response seen: status line, headers and body. */
const responses: string[] = [];
const cipherTexts: string[] = [];
/** Every data key (hex) the cloud handed out through a console. */
const dataKeys: string[] = [];

async function record(response: Response): Promise<string> {
  const text = await response.text();
  const headers = [...response.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  responses.push(`${response.status}\n${headers}\n\n${text}`);
  return text;
}

async function exercise(server: RunningConsole, headers: Record<string, string>): Promise<void> {
  const call = async (operation: string, body: unknown) => {
    const response = await fetch(`${server.url}/api/kms/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return record(response);
  };
  const encrypted = JSON.parse(
    await call('encrypt-data', {
      key_id: FAKE_KEYS.enabled,
      plain_text: PLAINTEXT,
      encryption_context: { purpose: 'secrets-test' },
    }),
  ) as { cipher_text?: string };
  if (encrypted.cipher_text) {
    cipherTexts.push(encrypted.cipher_text);
    await call('decrypt-data', {
      cipher_text: encrypted.cipher_text,
      encryption_context: { purpose: 'secrets-test' },
    });
    await call('decrypt-data', {
      cipher_text: encrypted.cipher_text,
      encryption_context: { purpose: 'wrong' },
    });
  }
  const dataKeyContext = { purpose: 'secrets-test', file: 'launch-codes.txt' };
  const created = JSON.parse(
    await call('create-datakey', { key_id: FAKE_KEYS.enabled, encryption_context: dataKeyContext }),
  ) as { plain_text?: string; cipher_text?: string };
  if (created.plain_text && created.cipher_text) {
    dataKeys.push(created.plain_text);
    cipherTexts.push(created.cipher_text);
    await call('decrypt-datakey', {
      key_id: FAKE_KEYS.enabled,
      cipher_text: created.cipher_text,
      datakey_cipher_length: '32',
      encryption_context: dataKeyContext,
    });
  }
  await call('list-keys', {});
  await call('describe-key', { key_id: FAKE_KEYS.disabled });
  await call('encrypt-data', { key_id: 'bad', plain_text: PLAINTEXT });
  await call('create-key', { key_alias: 'x' });
  await record(await fetch(`${server.url}/api/config`, { headers }));
  await record(await fetch(`${server.url}/api/session`, { headers }));
  await record(await fetch(`${server.url}/`, { headers }));
  await record(await fetch(`${server.url}/healthz`));
}

/** One call that reaches the upstream, for faults that make every call slow. */
async function briefly(server: RunningConsole): Promise<void> {
  const response = await fetch(`${server.url}/api/kms/encrypt-data`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key_id: FAKE_KEYS.enabled, plain_text: PLAINTEXT }),
  });
  await record(response);
}

function cloudConfig(auth: UpstreamAuth, overrides: Partial<ConsoleConfig> = {}): ConsoleConfig {
  return testConfig(
    {
      kind: 'cloud',
      endpoint: cloud.baseUrl,
      region: 'cn-north-4',
      projectId: cloud.projectId,
      auth,
      timeoutMs: 1000,
    },
    { logLevel: 'trace', ...overrides },
  );
}

beforeAll(async () => {
  cloud = await startFakeCloud({
    accessKey: SENTINELS.accessKey,
    secretKey: SENTINELS.secretKey,
    iamPassword: SENTINELS.iamPassword,
  });
  const staticToken = cloud.issueToken();
  const operatorToken = cloud.issueToken();
  const password: UpstreamAuth = {
    mode: 'password',
    iamEndpoint: cloud.baseUrl,
    domain: cloud.iam.domain,
    user: cloud.iam.user,
    password: SENTINELS.iamPassword,
  };

  const aksk = await startConsole(
    cloudConfig({ mode: 'aksk', accessKey: SENTINELS.accessKey, secretKey: SENTINELS.secretKey }),
  );
  const token = await startConsole(cloudConfig({ mode: 'token', token: staticToken }));
  const iam = await startConsole(cloudConfig(password));
  const operator = await startConsole(
    cloudConfig({ mode: 'operator' }, { accessToken: SENTINELS.consoleAccessToken }),
  );
  consoles.push(aksk, token, iam, operator);

  await exercise(aksk, {});
  await exercise(token, {});
  await exercise(iam, {});

  // Operator mode behind the access token: sign in (and fail once), then work.
  const signInWrong = await fetch(`${operator.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access_token: `${SENTINELS.consoleAccessToken}-wrong` }),
  });
  await record(signInWrong);
  const signIn = await fetch(`${operator.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ access_token: SENTINELS.consoleAccessToken }),
  });
  await record(signIn);
  const cookie = signIn.headers.get('set-cookie')!.split(';', 1)[0]!;
  await exercise(operator, { cookie, 'x-auth-token': operatorToken });
  await exercise(operator, { cookie }); // no operator token: refused

  // Upstream failures, where error paths might be tempted to say too much.
  cloud.fault = { kind: 'garbage' };
  await exercise(aksk, {});
  cloud.fault = { kind: 'delay', ms: 2500 };
  await briefly(iam);
  cloud.fault = { kind: 'none' };
  await cloud.stop();
  await exercise(token, {});
  await cloud.start();
});

afterAll(async () => {
  for (const server of consoles) await server.close();
  await cloud.stop();
});

/** Every credential the console handled, including the tokens IAM issued to it. */
function credentials(): string[] {
  const issued = cloud.kmsRequests
    .map((request) => request.xAuthToken)
    .filter((token): token is string => token !== undefined && token.startsWith('MIIfake'));
  return [
    SENTINELS.accessKey,
    SENTINELS.secretKey,
    SENTINELS.iamPassword,
    SENTINELS.consoleAccessToken,
    ...new Set(issued),
  ];
}

describe('secrets', () => {
  it('exercised every mode, and the cloud saw the tokens the search looks for', () => {
    expect(responses.length).toBeGreaterThan(60);
    expect(credentials().length).toBeGreaterThanOrEqual(6); // 4 sentinels + static, IAM, operator
    expect(cipherTexts.length).toBeGreaterThanOrEqual(4);
    expect(dataKeys.length).toBeGreaterThanOrEqual(4);
  });

  it('puts no credential in any response', () => {
    const everything = responses.join('\n');
    for (const secret of credentials()) expect(everything).not.toContain(secret);
  });

  it('puts no credential, plaintext, data key or ciphertext in the log', () => {
    const logs = consoles.map((server) => server.logs.text).join('\n');
    expect(logs.length).toBeGreaterThan(0);
    const hexDataKeys = dataKeys.flatMap((key) => [key.toUpperCase(), key.toLowerCase()]);
    for (const secret of [...credentials(), PLAINTEXT, ...cipherTexts, ...hexDataKeys]) {
      expect(logs).not.toContain(secret);
    }
    // The session cookie's value is a bearer credential too.
    expect(logs).not.toMatch(/kms_console_session=v1\./);
  });

  const distDir = path.resolve('dist');
  const built = existsSync(path.join(distDir, 'index.html'));
  it.skipIf(!built)(
    `puts no credential in the built browser bundle${built ? '' : ' (skipped: dist/ is absent — `npm run build` first; `npm test` builds before e2e)'}`,
    () => {
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const file = path.join(dir, name);
          if (statSync(file).isDirectory()) walk(file);
          else files.push(file);
        }
      };
      walk(distDir);
      const bundle = files.map((file) => readFileSync(file, 'latin1')).join('\n');
      // The local KMS's dev credentials are server-side only; no cloud credential can be in a
      // build, but whatever this machine has in its environment is checked as well.
      const suspects = [
        LOCAL_KMS_DEFAULTS.secretKey,
        LOCAL_KMS_DEFAULTS.accessKey,
        LOCAL_KMS_DEFAULTS.token,
        ...[
          'HUAWEICLOUD_SDK_AK',
          'HUAWEICLOUD_SDK_SK',
          'HUAWEICLOUD_IAM_PASSWORD',
          'KMS_AUTH_TOKEN',
          'CONSOLE_ACCESS_TOKEN',
        ]
          .map((name) => process.env[name])
          .filter((value): value is string => value !== undefined && value.length >= 8),
      ];
      for (const secret of suspects) expect(bundle).not.toContain(secret);
    },
  );
});
