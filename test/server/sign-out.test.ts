/**
 * Sign-out is effective (issue 10, item 5): a copied session cookie stops working when its
 * session signs out, while sessions stay signed cookies that any replica can check. Cookies
 * are short-lived and renewed while in use, so a replica that did not see the sign-out
 * refuses the copy once its short lifetime has passed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleConfig, UpstreamConfig } from '../../src/server';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import {
  errorCodeOf,
  fakeCloudUpstream,
  get,
  post,
  startConsole,
  testConfig,
  type RunningConsole,
} from './helpers';

const ACCESS_TOKEN = 'console-access-token-for-sign-out-0123456789';
const DESCRIBE = { key_id: FAKE_KEYS.enabled };
const IDLE_MS = 3000;

let cloud: FakeCloud;
let upstream: UpstreamConfig;
let server: RunningConsole;

function guarded(overrides: Partial<ConsoleConfig> = {}): ConsoleConfig {
  return testConfig(upstream, { accessToken: ACCESS_TOKEN, sessionIdleMs: IDLE_MS, ...overrides });
}

function cookieOf(setCookie: string | null): string {
  expect(setCookie).not.toBeNull();
  return setCookie!.split(';', 1)[0]!;
}

async function signIn(url: string): Promise<string> {
  const answer = await post(`${url}/api/session`, { access_token: ACCESS_TOKEN });
  expect(answer.status).toBe(204);
  return cookieOf(answer.headers.get('set-cookie'));
}

async function signOut(url: string, cookie: string): Promise<void> {
  const response = await fetch(`${url}/api/session`, { method: 'DELETE', headers: { cookie } });
  expect(response.status).toBe(204);
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

describe('sign-out', () => {
  it('ends the session: a copy of the cookie taken before is refused with 401', async () => {
    const cookie = await signIn(server.url);
    const copied = cookie;
    expect((await get(`${server.url}/api/config`, { cookie: copied })).status).toBe(200);

    await signOut(server.url, cookie);

    const before = cloud.kmsRequestCount;
    const config = await get(`${server.url}/api/config`, { cookie: copied });
    expect(config.status).toBe(401);
    expect(errorCodeOf(config)).toBe('CONSOLE.0005');
    const kms = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, { cookie: copied });
    expect(kms.status).toBe(401);
    expect(cloud.kmsRequestCount).toBe(before);
    expect((await get(`${server.url}/api/session`, { cookie: copied })).body).toEqual({
      required: true,
      signedIn: false,
    });
  });

  it('ends every renewal of the session too, and leaves other sessions alone', async () => {
    const first = await signIn(server.url);
    const other = await signIn(server.url);
    await sleep(IDLE_MS / 3);
    const used = await get(`${server.url}/api/config`, { cookie: first });
    expect(used.status).toBe(200);
    const renewed = cookieOf(used.headers.get('set-cookie'));
    expect(renewed).not.toBe(first);

    await signOut(server.url, first);
    expect((await get(`${server.url}/api/config`, { cookie: renewed })).status).toBe(401);
    expect((await get(`${server.url}/api/config`, { cookie: first })).status).toBe(401);
    expect((await get(`${server.url}/api/config`, { cookie: other })).status).toBe(200);
  });
});

describe('short-lived cookies renewed while in use', () => {
  it('keeps a session in use alive past the cookie lifetime, with a new cookie each time', async () => {
    let cookie = await signIn(server.url);
    const seen = new Set([cookie]);
    const started = Date.now();
    while (Date.now() - started < IDLE_MS * 1.5) {
      await sleep(IDLE_MS / 3);
      const answer = await get(`${server.url}/api/config`, { cookie });
      expect(answer.status).toBe(200);
      const setCookie = answer.headers.get('set-cookie');
      if (setCookie !== null) {
        expect(setCookie).toContain(`Max-Age=${IDLE_MS / 1000}`);
        expect(setCookie).toContain('HttpOnly');
        cookie = cookieOf(setCookie);
        seen.add(cookie);
      }
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('lets an unused cookie lapse, so a replica that missed the sign-out refuses it soon', async () => {
    const twin = await startConsole(guarded());
    try {
      const cookie = await signIn(server.url);
      expect((await get(`${twin.url}/api/config`, { cookie })).status).toBe(200);
      await signOut(server.url, cookie);
      await sleep(IDLE_MS + 500);
      const lapsed = await get(`${twin.url}/api/config`, { cookie });
      expect(lapsed.status).toBe(401);
      expect(errorCodeOf(lapsed)).toBe('CONSOLE.0005');
    } finally {
      await twin.close();
    }
  });
});
