/**
 * Web hardening of the console server over real HTTP: refusals of cross-origin, non-JSON,
 * oversize and unknown-operation requests (none of them forwarded), security headers,
 * the app's static serving, and per-client rate limiting.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, type UpstreamConfig } from '../../src/server';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import {
  errorCodeOf,
  get,
  post,
  startConsole,
  tempDir,
  testConfig,
  type RunningConsole,
  fakeCloudUpstream,
} from './helpers';

let cloud: FakeCloud;
let upstream: UpstreamConfig;
let staticDir: string;
let server: RunningConsole;

const DESCRIBE = { key_id: FAKE_KEYS.enabled };

beforeAll(async () => {
  cloud = await startFakeCloud();
  upstream = fakeCloudUpstream(cloud);
  staticDir = tempDir('console-dist-');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'export const app = 1;\n');
  server = await startConsole(
    testConfig(upstream, { staticDir, allowedOrigins: ['https://console.example.com'] }),
  );
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
  rmSync(staticDir, { recursive: true, force: true });
});

function expectNotForwarded(before: number) {
  expect(cloud.kmsRequestCount).toBe(before);
}

describe('refusals', () => {
  it('refuses a cross-origin POST with 403 CONSOLE.0003, and forwards nothing', async () => {
    const before = cloud.kmsRequestCount;
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1']) {
      const answer = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, { origin });
      expect(answer.status).toBe(403);
      expect(errorCodeOf(answer)).toBe('CONSOLE.0003');
    }
    const noOrigin = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, {
      'sec-fetch-site': 'cross-site',
    });
    expect(noOrigin.status).toBe(403);
    const encoded = await post(`${server.url}/%61pi/kms/describe-key`, DESCRIBE, {
      origin: 'https://evil.example',
    });
    expect(encoded.status).toBe(403);
    const signIn = await post(
      `${server.url}/api/session`,
      { access_token: 'x' },
      {
        origin: 'https://evil.example',
      },
    );
    expect(signIn.status).toBe(403);
    expectNotForwarded(before);
  });

  it('accepts its own origin and the configured allowed origins', async () => {
    const own = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, { origin: server.url });
    expect(own.status).toBe(200);
    const allowed = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, {
      origin: 'https://console.example.com',
    });
    expect(allowed.status).toBe(200);
  });

  it('accepts only JSON bodies: 415 CONSOLE.0002 otherwise', async () => {
    const before = cloud.kmsRequestCount;
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/json-patch+json',
    ]) {
      const answer = await post(`${server.url}/api/kms/describe-key`, JSON.stringify(DESCRIBE), {
        'content-type': contentType,
      });
      expect({ contentType, status: answer.status }).toEqual({ contentType, status: 415 });
      expect(errorCodeOf(answer)).toBe('CONSOLE.0002');
    }
    const withoutType = await fetch(`${server.url}/api/kms/describe-key`, {
      method: 'POST',
      body: new Blob([JSON.stringify(DESCRIBE)]),
    });
    expect(withoutType.status).toBe(415);
    const encodedPath = await post(
      `${server.url}/%61pi/kms/describe-key`,
      JSON.stringify(DESCRIBE),
      { 'content-type': 'text/plain' },
    );
    expect(encodedPath.status).toBe(415);
    const charset = await post(`${server.url}/api/kms/describe-key`, DESCRIBE, {
      'content-type': 'application/json;charset=UTF-8',
    });
    expect(charset.status).toBe(200);
    expect(cloud.kmsRequestCount).toBe(before + 1);
  });

  it('refuses an oversize body with 400 KMS.0203 before parsing it', async () => {
    const before = cloud.kmsRequestCount;
    const answer = await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: FAKE_KEYS.enabled,
      plain_text: 'x'.repeat(70 * 1024),
    });
    expect(answer.status).toBe(400);
    expect(errorCodeOf(answer)).toBe('KMS.0203');
    expectNotForwarded(before);
  });

  it('refuses unknown operations with 404 CONSOLE.0001 and never forwards them', async () => {
    const before = cloud.kmsRequestCount;
    for (const operation of [
      'create-key',
      'schedule-key-deletion',
      'disable-key',
      'encrypt-datakey',
      '..%2F..%2Fv3%2Fauth%2Ftokens',
      'constructor',
      '__proto__',
    ]) {
      const answer = await post(`${server.url}/api/kms/${operation}`, DESCRIBE);
      expect({ operation, status: answer.status }).toEqual({ operation, status: 404 });
      expect(errorCodeOf(answer)).toBe('CONSOLE.0001');
    }
    expectNotForwarded(before);
  });

  it('answers other methods on an operation with 405 KMS.0215', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}/api/kms/encrypt-data`, { method });
      expect(response.status).toBe(405);
      expect(await response.json()).toMatchObject({ error: { error_code: 'KMS.0215' } });
    }
  });

  it('refuses invalid JSON with 400 KMS.0202 and __proto__ keys with 400 KMS.0214', async () => {
    const invalid = await post(`${server.url}/api/kms/describe-key`, '{"key_id":');
    expect(invalid.status).toBe(400);
    expect(errorCodeOf(invalid)).toBe('KMS.0202');
    const empty = await post(`${server.url}/api/kms/describe-key`, '');
    expect(errorCodeOf(empty)).toBe('KMS.0202');
    const proto = await post(
      `${server.url}/api/kms/encrypt-data`,
      `{"key_id":"${FAKE_KEYS.enabled}","plain_text":"x","encryption_context":{"__proto__":{"polluted":"yes"}}}`,
    );
    expect(proto.status).toBe(400);
    expect(errorCodeOf(proto)).toBe('KMS.0214');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown /api paths with 404 in the error shape', async () => {
    const answer = await get(`${server.url}/api/nothing-here`);
    expect(answer.status).toBe(404);
    expect(errorCodeOf(answer)).toBe('CONSOLE.0015');
  });
});

describe('headers and the static app', () => {
  it('serves the app with a CSP that allows no inline script and no framing', async () => {
    const page = await get(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
    const csp = page.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('strict-transport-security')).toBeNull(); // plain HTTP here
  });

  it('falls back to index.html for app routes, not for missing assets or the API', async () => {
    const route = await get(`${server.url}/history/some-entry`);
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root">');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    const asset = await get(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await get(`${server.url}/assets/missing-9999.js`);
    expect(missing.status).toBe(404);
    expect(errorCodeOf(missing)).toBe('CONSOLE.0015');
  });

  it('sets the security headers and no-store on API answers, errors included', async () => {
    const ok = await get(`${server.url}/api/config`);
    const refused = await post(`${server.url}/api/kms/nope`, {});
    for (const answer of [ok, refused]) {
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('says to run the build when the app is not built', async () => {
    const bare = await startConsole(testConfig(upstream));
    try {
      const page = await get(`${bare.url}/`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('npm run build');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect((await get(`${bare.url}/healthz`)).body).toEqual({ status: 'ok' });
    } finally {
      await bare.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 CONSOLE.0004 once a client spent its budget; health stays reachable', async () => {
    const limited = await startConsole(testConfig(upstream, { rateLimitPerMinute: 5 }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        statuses.push((await post(`${limited.url}/api/kms/describe-key`, DESCRIBE)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const refused = await get(`${limited.url}/api/config`);
      expect(refused.status).toBe(429);
      expect(errorCodeOf(refused)).toBe('CONSOLE.0004');
      expect((await get(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
