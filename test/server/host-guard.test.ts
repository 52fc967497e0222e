/**
 * DNS rebinding (issue 10, item 1) over real sockets: a page whose name was rebound to the
 * console's address sends its own name as Host; the console answers only its own names, on
 * every path, before anything else runs (nothing is forwarded, no page is served).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsoleConfig, type UpstreamConfig } from '../../src/server';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { fakeCloudUpstream, startConsole, testConfig, type RunningConsole } from './helpers';
import { errorCodeOfRaw, rawRequest, type RawAnswer } from './raw-http';

const ENCRYPT = { key_id: FAKE_KEYS.enabled, plain_text: 'rebinding target' };
const PUBLIC_URL = 'https://kms-console.example.com';
const OTHER_ORIGIN = 'https://kms-console-eu.example.com:8443';

let cloud: FakeCloud;
let upstream: UpstreamConfig;
let server: RunningConsole;
let port: string;

beforeAll(async () => {
  cloud = await startFakeCloud();
  upstream = fakeCloudUpstream(cloud);
  // The public URL and allowed origins as an operator writes them, through the env parser.
  const fromEnv = loadConsoleConfig({
    KMS_ENDPOINT: cloud.baseUrl,
    KMS_PROJECT_ID: cloud.projectId,
    HUAWEICLOUD_SDK_AK: cloud.accessKey,
    HUAWEICLOUD_SDK_SK: cloud.secretKey,
    CONSOLE_PUBLIC_URL: PUBLIC_URL,
    CONSOLE_ALLOWED_ORIGINS: OTHER_ORIGIN,
  });
  server = await startConsole(
    testConfig(upstream, {
      publicUrl: fromEnv.publicUrl,
      allowedOrigins: fromEnv.allowedOrigins,
    }),
  );
  port = new URL(server.url).port;
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

function send(path: string, host: string, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { host };
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers.origin = `http://${host}`;
  }
  return rawRequest(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
}

/** The status line answering raw request bytes. */
function statusLineOf(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text.split('\r\n', 1)[0]!));
    socket.on('error', reject);
  });
}

function expectMisdirected(answer: RawAnswer, what: string) {
  expect({ what, status: answer.status, code: errorCodeOfRaw(answer) }).toEqual({
    what,
    status: 421,
    code: 'CONSOLE.0200',
  });
}

describe('Host allowlist of the console', () => {
  it('refuses a rebound name with 421 CONSOLE.0200 and forwards nothing', async () => {
    const before = cloud.kmsRequestCount;
    const host = `attacker.example:${port}`;
    // Same-origin as far as the browser knows: Origin and Host agree.
    expectMisdirected(await send('/api/kms/encrypt-data', host, { body: ENCRYPT }), 'encrypt-data');
    expect(cloud.kmsRequestCount).toBe(before);
  });

  it('refuses it on every path: the page, health, config, session, unknown paths', async () => {
    const host = `attacker.example:${port}`;
    for (const path of ['/', '/encrypt', '/healthz', '/api/config', '/api/session', '/nope.js']) {
      expectMisdirected(await send(path, host), path);
    }
    expectMisdirected(
      await send('/api/session', host, { body: { access_token: 'x'.repeat(20) } }),
      'sign-in',
    );
    // An empty Host (sent raw: the HTTP client would fill one in) is no name of ours either.
    expect(
      await statusLineOf(`GET /healthz HTTP/1.1\r\nHost: \r\nConnection: close\r\n\r\n`),
    ).toMatch(/^HTTP\/1\.1 (400|421) /);
  });

  it('answers the loopback names on its own port only', async () => {
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `[::1]:${port}`,
    ]) {
      expect({ host, status: (await send('/healthz', host)).status }).toEqual({
        host,
        status: 200,
      });
    }
    for (const host of [
      'localhost',
      'localhost:1',
      `127.0.0.1:${Number(port) + 1}`,
      `localhost.:${port}`,
    ]) {
      expectMisdirected(await send('/healthz', host), host);
    }
  });

  it('answers an IP literal on its own port: no DNS name, nothing to rebind', async () => {
    expect((await send('/healthz', `10.1.2.3:${port}`)).status).toBe(200);
    expect((await send('/healthz', `[fd00::1]:${port}`)).status).toBe(200);
    expectMisdirected(await send('/healthz', '10.1.2.3:1'), 'other port');
  });

  it('answers the hosts of CONSOLE_PUBLIC_URL and CONSOLE_ALLOWED_ORIGINS', async () => {
    const encrypted = await send('/api/kms/encrypt-data', 'kms-console.example.com', {
      body: ENCRYPT,
    });
    expect(encrypted.status).toBe(200);
    expect((await send('/healthz', 'kms-console.example.com')).status).toBe(200);
    expect((await send('/healthz', 'kms-console.example.com:443')).status).toBe(200);
    expect((await send('/healthz', 'Kms-Console.Example.com')).status).toBe(200);
    expect((await send('/healthz', 'kms-console-eu.example.com:8443')).status).toBe(200);
    expectMisdirected(await send('/healthz', 'kms-console.example.com:8443'), 'wrong port');
    expectMisdirected(await send('/healthz', 'kms-console-eu.example.com'), 'default port');
    expectMisdirected(await send('/healthz', 'evil.kms-console.example.com'), 'subdomain');
  });
});

describe('Host allowlist behind a trusted proxy', () => {
  let proxied: RunningConsole;
  let untrusted: RunningConsole;

  beforeAll(async () => {
    proxied = await startConsole(testConfig(upstream, { trustProxy: true, publicUrl: PUBLIC_URL }));
    untrusted = await startConsole(testConfig(upstream, { publicUrl: PUBLIC_URL }));
  });

  afterAll(async () => {
    await proxied.close();
    await untrusted.close();
  });

  function viaProxy(target: RunningConsole, forwardedHost: string) {
    return rawRequest(`${target.url}/healthz`, {
      headers: {
        host: `127.0.0.1:${new URL(target.url).port}`,
        'x-forwarded-host': forwardedHost,
      },
    });
  }

  it('judges X-Forwarded-Host from a trusted proxy, which names what the browser asked for', async () => {
    expect((await viaProxy(proxied, 'kms-console.example.com')).status).toBe(200);
    expectMisdirected(await viaProxy(proxied, 'attacker.example'), 'forwarded attacker');
    // A list: the last entry is what the trusted proxy itself received.
    expectMisdirected(
      await viaProxy(proxied, 'kms-console.example.com, attacker.example'),
      'forwarded list',
    );
  });

  it('ignores X-Forwarded-Host when no proxy is trusted', async () => {
    expect((await viaProxy(untrusted, 'attacker.example')).status).toBe(200);
  });
});
