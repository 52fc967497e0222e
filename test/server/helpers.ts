/**
 * Test plumbing for the console server: build it from a config, listen on port 0, and read
 * back every log line it wrote.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildConsoleServer, type ConsoleConfig, type UpstreamConfig } from '../../src/server';
import type { FakeCloud } from '../fake-cloud/fake-cloud';

export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') this.lines.push(line);
    done();
  }

  get text(): string {
    return this.lines.join('\n');
  }

  /** Parsed lines whose `audit` field is present. */
  audits(): Array<Record<string, unknown>> {
    return this.lines
      .map((line) => JSON.parse(line) as { audit?: Record<string, unknown> })
      .filter((entry) => entry.audit !== undefined)
      .map((entry) => entry.audit!);
  }
}

/** A static dir that does not exist: the server answers `/` with the "run npm run build" note. */
export const NO_STATIC_DIR = path.join(tmpdir(), 'kms-console-no-such-dist');

/** The console's upstream pointed at the fake cloud, signing with its AK/SK. */
export function fakeCloudUpstream(cloud: FakeCloud, timeoutMs = 5000): UpstreamConfig {
  return {
    kind: 'cloud',
    endpoint: cloud.baseUrl,
    region: 'cn-north-4',
    projectId: cloud.projectId,
    auth: { mode: 'aksk', accessKey: cloud.accessKey, secretKey: cloud.secretKey },
    timeoutMs,
  };
}

export function testConfig(upstream: UpstreamConfig, overrides: Partial<ConsoleConfig> = {}) {
  const config: ConsoleConfig = {
    host: '127.0.0.1',
    port: 0,
    staticDir: NO_STATIC_DIR,
    upstream,
    trustProxy: false,
    rateLimitPerMinute: 0,
    signInRateLimitPerMinute: 10,
    allowedOrigins: [],
    sessionTtlMs: 60 * 60 * 1000,
    sessionIdleMs: 10 * 60 * 1000,
    limits: { requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5000, maxConnectionsPerClient: 64 },
    logLevel: 'info',
    ...overrides,
  };
  return config;
}

export interface RunningConsole {
  app: FastifyInstance;
  url: string;
  logs: LogCapture;
  close(): Promise<void>;
}

export async function startConsole(config: ConsoleConfig): Promise<RunningConsole> {
  const logs = new LogCapture();
  const app = await buildConsoleServer({ ...config, logStream: logs });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, logs, close: () => app.close() };
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** POSTs JSON (or any raw text) and reads the answer, parsed when it is JSON. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return answer(response);
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  return answer(await fetch(url, { headers }));
}

async function answer(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body, text };
}

export function errorCodeOf(answer: JsonAnswer): string | undefined {
  const body = answer.body as { error?: { error_code?: unknown } };
  return typeof body?.error?.error_code === 'string' ? body.error.error_code : undefined;
}
