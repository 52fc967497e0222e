/**
 * Fuzz: thousands of generated malformed requests over real HTTP (seeded, so replayable).
 * No answer may be a 5xx, every refusal is in the KMS error shape, and afterwards the server
 * is healthy and its memory has not run away.
 */
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kmsErrorBodySchema } from '../../src/shared/kms';
import { FAKE_KEYS, startFakeCloud, type FakeCloud } from '../fake-cloud';
import { FuzzGenerator, seededRandom, type FuzzRequest } from './fuzz-requests';
import { post, startConsole, testConfig, type RunningConsole, fakeCloudUpstream } from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const REQUESTS = 5000;
const CONCURRENCY = 8;

interface Outcome {
  request: FuzzRequest;
  status: number;
  body: string;
}

let cloud: FakeCloud;
let server: RunningConsole;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function send(base: URL, request: FuzzRequest): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.path,
        headers: request.headers,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            request,
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

/** Writes raw bytes on a fresh socket and reads whatever comes back until it closes. */
function sendRaw(base: URL, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(base.port), base.hostname, () => socket.end(bytes, 'latin1'));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

/** Enough of a failing case to replay it, short enough to read. */
function summary(outcome: Outcome): string {
  const { method, path, headers } = outcome.request;
  return `${method} ${path.slice(0, 80)} ${JSON.stringify(headers).slice(0, 120)} → ${outcome.status} ${outcome.body.slice(0, 160)}`;
}

function isErrorShape(text: string): boolean {
  try {
    return kmsErrorBodySchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  cloud = await startFakeCloud();
  server = await startConsole(
    testConfig(fakeCloudUpstream(cloud), { rateLimitPerMinute: 1_000_000, logLevel: 'warn' }),
  );
});

afterAll(async () => {
  agent.destroy();
  await server.close();
  await cloud.stop();
});

describe(`fuzz (seed ${SEED})`, () => {
  it(`answers ${REQUESTS} malformed requests without a 5xx, in the error shape`, async () => {
    const base = new URL(server.url);
    const generator = new FuzzGenerator(seededRandom(SEED));
    const requests = Array.from({ length: REQUESTS }, () => generator.request());
    const heapBefore = process.memoryUsage().heapUsed;

    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++]!;
          outcomes.push(await send(base, request));
        }
      }),
    );

    expect(outcomes).toHaveLength(REQUESTS);
    const serverErrors = outcomes.filter((outcome) => outcome.status >= 500);
    expect(serverErrors.slice(0, 5).map(summary)).toEqual([]);
    const badShape = outcomes.filter(
      (o) => o.status >= 400 && o.request.method !== 'HEAD' && !isErrorShape(o.body),
    );
    expect(badShape.slice(0, 5).map(summary)).toEqual([]);
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500).length;
    // Nearly everything generated is malformed; the rest are reads such as /healthz.
    expect(refused / REQUESTS).toBeGreaterThan(0.85);

    // Loose bound: thousands of requests (some of 512 KiB) must not leave the heap grown
    // by anything like their total size.
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(heapGrowth).toBeLessThan(150 * 1024 * 1024);
  }, 120_000); // a bound, not an expectation: ~5 s on an idle machine

  it('answers requests the HTTP parser rejects in the error shape too', async () => {
    const base = new URL(server.url);
    const raw = [
      'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
      'POST /api/kms/encrypt-data HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nhello',
      'GARBAGE\r\n\r\n',
      'GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
    ];
    for (const bytes of raw) {
      const answer = await sendRaw(base, bytes);
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(isErrorShape(body)).toBe(true);
    }
  });

  it('is healthy afterwards', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const encrypted = await post(`${server.url}/api/kms/encrypt-data`, {
      key_id: FAKE_KEYS.enabled,
      plain_text: 'still working',
    });
    expect(encrypted.status).toBe(200);
  });
});
