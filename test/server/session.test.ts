/**
 * Console access control (CONSOLE_ACCESS_TOKEN) over real HTTP: sign in for a cookie, every
 * KMS and config call needs it, sign-in attempts are rate limited, sign-out drops it, and
 * sessions are stateless (another console server with the same token accepts them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleConfig, UpstreamConfig } from '../../src/server';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import {
  errorCodeOf,
  get,
  post,
  startConsole,
  testConfig,
  type RunningConsole,
  fakeCloudUpstream,
} from './helpers';

const ACCESS_TOKEN = 'console-access-token-for-tests-0123456789';
const DESCRIBE = { key_id: FAKE_KEYS.enabled };

let cloud: FakeCloud;
let upstream: UpstreamConfig;
let server: RunningConsole;

function guarded(overrides: Partial<ConsoleConfig> = {}): ConsoleConfig {
  return testConfig(upstream, { accessToken: ACCESS_TOKEN, ...overrides });
}

/** The `name=value` part of the session cookie a sign-in set. */
function cookieOf(setCookie: string | null): string {
  expect(setCookie).not.toBeNull();
  return setCookie!.split(';', 1)[0]!;
}

async function signIn(url: string, token = ACCESS_TOKEN, headers: Record<string, string> = {}) {
  return post(`${url}/api/session`, { access_token: token }, headers);
}

beforeAll(async () => {
  cloud = await startFakeCloud();
  upstream = fakeCloudUpstream(cloud);
  server = await startConsole(guarded());
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

describe('console access token', () => {
  it('keeps /api/kms and /api/config closed without a session; health and app stay open', async () => {
    expect((await get(`${server.url}/api/session`)).body).toEqual({
      required: true,
      signedIn: false,
    });
    const before = cloud.kmsRequestCount;
    const kms = await post(`${server.url}/api/kms/describe-key`, DESCRIBE);
    expect(kms.status).toBe(401);
    expect(errorCodeOf(kms)).toBe('CONSOLE.0005');
    const config = await get(`${server.url}/api/config`);
    expect(config.status).toBe(401);
    expect(errorCodeOf(config)).toBe('CONSOLE.0005');
    expect(cloud.kmsRequestCount).toBe(before);
    expect((await get(`${server.url}/healthz`)).status).toBe(200);
    expect((await get(`${server.url}/`)).status).toBe(200);
  });

  it('cannot be walked around with percent-encoded paths', async () => {
    const before = cloud.kmsRequestCount;
    for (const path of ['/%61pi/config', '/api/%63onfig', '/%61pi/%6bms/describe-key']) {
      const answer = path.includes('kms')
        ? await post(`${server.url}${path}`, DESCRIBE)
        : await get(`${server.url}${path}`);
      expect({ path, status: answer.status }).toEqual({ path, status: 401 });
      expect(errorCodeOf(answer)).toBe('CONSOLE.0005');
    }
    expect(cloud.kmsRequestCount).toBe(before);
  });

  it('refuses a wrong access token with 401 CONSOLE.0006 and sets no cookie', async () => {
    const answer = await signIn(server.url, 'wrong-token-wrong-token-wrong');
    expect(answer.status).toBe(401);
    expect(errorCodeOf(answer)).toBe('CONSOLE.0006');
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie that opens the API', async () => {
    const answer = await signIn(server.url);
    expect(answer.status).toBe(204);
    const setCookie = answer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^kms_console_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure'); // plain HTTP, no trusted proxy
    expect(setCookie).not.toContain(ACCESS_TOKEN);
    const cookie = cookieOf(setCookie);

    const status = await get(`${server.url}/api/session`, { cookie });
    expect(status.body).toEqual({
      required: true,
      signedIn: true,
      expiresInSeconds: expect.any(Number),
    });
    // How long the session lasts unused: what the browser's expiry warning counts down from.
    const { expiresInSeconds } = status.body as { expiresInSeconds: number };
    expect(expiresInSeconds).toBeGreaterThan(0);
    expect(expiresInSeconds).toBeLessThanOrEqual(guarded().sessionIdleMs / 1000);
    const config = await get(`${server.url}/api/config`, { cookie });
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({ accessControl: true, authMode: 'aksk' });
    const kms = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, { cookie });
    expect(kms.status).toBe(200);

    // The audit line names the session by a hash, never by the cookie's value.
    const audit = server.logs
      .audits()
      .filter((a) => a.event === 'kms.operation')
      .at(-1)!;
    expect(audit.session).toMatch(/^[0-9a-f]{16}$/);
    expect(server.logs.text).not.toContain(cookie.split('=')[1]!.split('.')[1]!);
  });

  it('refuses a tampered or foreign cookie', async () => {
    const cookie = cookieOf((await signIn(server.url)).headers.get('set-cookie'));
    const [name, value] = cookie.split('=') as [string, string];
    const parts = value.split('.');
    const tampered = `${name}=${parts[0]}.${parts[1]}.${Number(parts[2]) + 3600}.${parts[3]}`;
    expect((await get(`${server.url}/api/config`, { cookie: tampered })).status).toBe(401);

    const other = await startConsole(guarded({ accessToken: 'another-access-token-entirely-000' }));
    try {
      const foreign = cookieOf(
        (await signIn(other.url, 'another-access-token-entirely-000')).headers.get('set-cookie'),
      );
      expect((await get(`${server.url}/api/config`, { cookie: foreign })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('is stateless: another console server with the same token accepts the session', async () => {
    const cookie = cookieOf((await signIn(server.url)).headers.get('set-cookie'));
    const twin = await startConsole(guarded());
    try {
      expect((await get(`${twin.url}/api/config`, { cookie })).status).toBe(200);
    } finally {
      await twin.close();
    }
  });

  it('marks the cookie Secure behind a trusted HTTPS proxy', async () => {
    const proxied = await startConsole(guarded({ trustProxy: true }));
    try {
      const answer = await signIn(proxied.url, ACCESS_TOKEN, { 'x-forwarded-proto': 'https' });
      expect(answer.status).toBe(204);
      expect(answer.headers.get('set-cookie')).toContain('Secure');
      expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await proxied.close();
    }
  });

  it('signs out: the cookie is cleared', async () => {
    const cookie = cookieOf((await signIn(server.url)).headers.get('set-cookie'));
    const response = await fetch(`${server.url}/api/session`, {
      method: 'DELETE',
      headers: { cookie },
    });
    expect(response.status).toBe(204);
    const cleared = response.headers.get('set-cookie')!;
    expect(cleared).toMatch(/^kms_console_session=;/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(server.logs.audits().some((a) => a.event === 'session.sign-out')).toBe(true);
  });

  it('rate limits sign-in attempts per client with 429 CONSOLE.0004', async () => {
    const limited = await startConsole(guarded({ signInRateLimitPerMinute: 3 }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push((await signIn(limited.url, `wrong-guess-number-${i}-padding`)).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Even the right token waits: a guesser cannot tell a hit from a throttle.
      const right = await signIn(limited.url);
      expect(right.status).toBe(429);
      expect(errorCodeOf(right)).toBe('CONSOLE.0004');
    } finally {
      await limited.close();
    }
  });

  it('answers a bad sign-in body in the KMS error shape', async () => {
    const answer = await post(`${server.url}/api/session`, { token: ACCESS_TOKEN });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('KMS.0214');
  });
});

describe('without an access token', () => {
  it('reports that no sign-in is required and leaves the API open', async () => {
    const open = await startConsole(testConfig(upstream));
    try {
      expect((await get(`${open.url}/api/session`)).body).toEqual({
        required: false,
        signedIn: false,
      });
      expect((await get(`${open.url}/api/config`)).body).toMatchObject({ accessControl: false });
    } finally {
      await open.close();
    }
  });
});
