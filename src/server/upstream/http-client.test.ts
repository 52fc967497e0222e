import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, UpstreamFailure } from './http-client';

let server: http.Server | undefined;
let client: HttpClient | undefined;

async function serve(handler: http.RequestListener, keepAliveTimeout = 5000) {
  server = http.createServer(handler);
  server.keepAliveTimeout = keepAliveTimeout;
  let connections = 0;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/p/kms/x`);
  return { url, connections: () => connections };
}

afterEach(async () => {
  client?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server!.close(resolve));
  }
  server = undefined;
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('HttpClient', () => {
  it('keeps one connection alive across sequential calls', async () => {
    const { url, connections } = await serve((request, response) => {
      request.resume();
      request.on('end', () => response.end('{"ok":true}'));
    });
    client = new HttpClient({ timeoutMs: 2000 });
    for (let i = 0; i < 20; i += 1) {
      const answer = await client.post(url, { 'content-type': 'application/json' }, '{}');
      expect(answer.status).toBe(200);
      expect(answer.body.toString()).toBe('{"ok":true}');
    }
    expect(connections()).toBe(1);
  });

  it('recovers when the server closed an idle kept-alive connection', async () => {
    const { url } = await serve((request, response) => {
      request.resume();
      request.on('end', () => response.end('{}'));
    }, 30);
    client = new HttpClient({ timeoutMs: 2000 });
    for (let i = 0; i < 5; i += 1) {
      expect((await client.post(url, {}, '{}')).status).toBe(200);
      await sleep(40); // the server's keep-alive timeout passes while the socket idles
    }
  });

  it('fails with "timeout" past the deadline and "too-large" past the size cap', async () => {
    const { url } = await serve((request, response) => {
      request.resume();
      if (request.headers['x-mode'] === 'slow') setTimeout(() => response.end('{}'), 2000);
      else response.end('x'.repeat(2048));
    });
    const impatient = new HttpClient({ timeoutMs: 200 });
    try {
      await expect(impatient.post(url, { 'x-mode': 'slow' }, '{}')).rejects.toMatchObject({
        kind: 'timeout',
      });
    } finally {
      impatient.close();
    }
    client = new HttpClient({ timeoutMs: 5000, maxResponseBytes: 1024 });
    await expect(client.post(url, {}, '{}')).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('fails with "unreachable" and the cause code when nothing listens', async () => {
    const { url } = await serve(() => {});
    server!.close();
    server = undefined;
    client = new HttpClient({ timeoutMs: 1000 });
    const failure = await client.post(url, {}, '{}').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect(failure).toMatchObject({ kind: 'unreachable', causeCode: 'ECONNREFUSED' });
  });
});
