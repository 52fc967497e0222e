/**
 * Slow clients (issue 10, item 2) over real sockets: 1,000 connections that trickle a byte
 * now and then, or never finish their headers, neither stop another client's requests nor
 * stay open past the request timeout; one client address cannot hold more connections than
 * its cap. The test configures a 2 s request timeout (the default is 30 s).
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { fakeCloudUpstream, startConsole, testConfig, type RunningConsole } from './helpers';
import { rawRequest } from './raw-http';

const REQUEST_TIMEOUT_MS = 2000;
const MAX_CONNECTIONS_PER_CLIENT = 64;
/**
 * How late a socket may be closed after the timeout: the server checks every half second, and
 * on a busy machine (tests run in parallel on few cores) it may accept a connection, or get
 * to its check, seconds late. Without the timeouts such sockets stayed open for minutes.
 */
const SLACK_MS = 5000;
const SLOW_SOCKETS = 1000;
/** 16 loopback addresses × at most 63 sockets: every slow socket is accepted, none refused. */
const SLOW_ADDRESSES = Array.from({ length: 16 }, (_, i) => `127.0.0.${10 + i}`);
const OTHER_CLIENT = '127.0.0.2';

let cloud: FakeCloud;
let server: RunningConsole;
let port: number;

beforeAll(async () => {
  cloud = await startFakeCloud();
  server = await startConsole(
    testConfig(fakeCloudUpstream(cloud, 2000), {
      rateLimitPerMinute: 1_000_000,
      logLevel: 'warn',
      limits: {
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: 1000,
        maxConnectionsPerClient: MAX_CONNECTIONS_PER_CLIENT,
      },
    }),
  );
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server.close();
  await cloud.stop();
});

interface SlowSocket {
  socket: net.Socket;
  openedAt: number;
  /** Milliseconds from connect to close; undefined while open. */
  lifetime?: number;
  /** Whether the server answered anything before closing (a 408 for a timed-out request). */
  answered: boolean;
}

/** Connects from `localAddress` and then sends `head` followed by one byte a second. */
function slowSocket(localAddress: string, head: string, trickle: string): Promise<SlowSocket> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, localAddress });
    const slow: SlowSocket = { socket, openedAt: Date.now(), answered: false };
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      slow.openedAt = Date.now();
      socket.write(head);
      timer = setInterval(() => {
        if (socket.writable) socket.write(trickle);
      }, 1000);
      resolve(slow);
    });
    socket.on('data', () => (slow.answered = true));
    socket.on('error', () => undefined); // a reset is one way of being closed
    socket.on('close', () => {
      clearInterval(timer);
      slow.lifetime ??= Date.now() - slow.openedAt;
      resolve(slow);
    });
  });
}

function hostHeader(): string {
  return `Host: 127.0.0.1:${port}\r\n`;
}

const NEVER_FINISHED_HEADERS = () => `GET /healthz HTTP/1.1\r\n${hostHeader()}X-Slow: a`;
const NEVER_FINISHED_BODY = () =>
  `POST /api/session HTTP/1.1\r\n${hostHeader()}Content-Type: application/json\r\n` +
  'Content-Length: 1000\r\n\r\n{"access_token":"';

async function openSlowSockets(count: number, addresses: readonly string[]) {
  const sockets: SlowSocket[] = [];
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, offset) => {
      const index = start + offset;
      const address = addresses[index % addresses.length]!;
      return index % 2 === 0
        ? slowSocket(address, NEVER_FINISHED_HEADERS(), 'a')
        : slowSocket(address, NEVER_FINISHED_BODY(), 'x');
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

const stillOpen = (sockets: readonly SlowSocket[]) =>
  sockets.filter((slow) => slow.lifetime === undefined).length;

/** Waits until at most `open` of `sockets` remain open, or `withinMs` passed. */
async function waitUntilOpen(sockets: readonly SlowSocket[], open: number, withinMs: number) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline && stillOpen(sockets) > open) await sleep(50);
}

function otherClient(path: string, body?: unknown) {
  return rawRequest(`${server.url}${path}`, {
    localAddress: OTHER_CLIENT,
    ...(body !== undefined && {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  });
}

describe('slow clients', () => {
  it(`${SLOW_SOCKETS} slow sockets neither block another client nor outlive the timeout`, async () => {
    const sockets = await openSlowSockets(SLOW_SOCKETS, SLOW_ADDRESSES);
    try {
      // While they hang (at least the last batch still does), another client is served.
      expect(stillOpen(sockets)).toBeGreaterThanOrEqual(200);
      const health = await otherClient('/healthz');
      expect(health.status).toBe(200);
      const encrypted = await otherClient('/api/kms/encrypt-data', {
        key_id: FAKE_KEYS.enabled,
        plain_text: 'served while others crawl',
      });
      expect(encrypted.status).toBe(200);

      await waitUntilOpen(sockets, 0, REQUEST_TIMEOUT_MS + SLACK_MS + 5000);
      const lifetimes = sockets.map((slow) => slow.lifetime ?? Number.POSITIVE_INFINITY);
      expect(lifetimes.filter((ms) => ms === Number.POSITIVE_INFINITY).length).toBe(0);
      expect(Math.max(...lifetimes)).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
      // They were accepted and held until the timeout, not refused at once.
      expect(Math.min(...lifetimes)).toBeGreaterThan(REQUEST_TIMEOUT_MS - 500);
      // Those whose headers had arrived are told why: 408 in the KMS error shape.
      expect(sockets.some((slow) => slow.answered)).toBe(true);
    } finally {
      for (const slow of sockets) slow.socket.destroy();
    }
    expect((await otherClient('/healthz')).status).toBe(200);
  }, 60_000);

  it('refuses connections from one address beyond its cap, at once', async () => {
    const address = '127.0.0.3';
    const sockets = await openSlowSockets(100, [address]);
    try {
      // Refused at once: long before the request timeout could close anything.
      await waitUntilOpen(sockets, MAX_CONNECTIONS_PER_CLIENT, REQUEST_TIMEOUT_MS / 2);
      expect(stillOpen(sockets)).toBe(MAX_CONNECTIONS_PER_CLIENT);
      // Another address is not affected by this one's cap.
      expect((await otherClient('/healthz')).status).toBe(200);
    } finally {
      for (const slow of sockets) slow.socket.destroy();
    }
    // Once its connections close, the address is served again.
    await sleep(200);
    const again = await rawRequest(`${server.url}/healthz`, { localAddress: address });
    expect(again.status).toBe(200);
  }, 30_000);
});
