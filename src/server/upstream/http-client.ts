/**
 * A small HTTP client for the console's upstreams (KMS and IAM): keep-alive connections,
 * one deadline per call, a cap on the answer's size, and failures sorted into the three
 * kinds the console reports (unreachable, timeout, unusable answer).
 */
import http from 'node:http';
import https from 'node:https';

export type UpstreamFailureKind = 'unreachable' | 'timeout' | 'too-large';

export class UpstreamFailure extends Error {
  readonly kind: UpstreamFailureKind;
  /** Node's error code (ECONNREFUSED, ...) when there is one: safe to log, never a secret. */
  readonly causeCode: string | undefined;

  constructor(kind: UpstreamFailureKind, causeCode?: string) {
    super(`upstream ${kind}${causeCode ? ` (${causeCode})` : ''}`);
    this.name = 'UpstreamFailure';
    this.kind = kind;
    this.causeCode = causeCode;
  }
}

export interface UpstreamResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface HttpClientOptions {
  timeoutMs: number;
  /** Answers longer than this are refused (a list of 2000 keys is well under 4 MiB). */
  maxResponseBytes?: number;
}

const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

// Sockets the client keeps open between calls. The console is benchmarked with 50
// concurrent clients: enough sockets that none waits for another.
const AGENT_OPTIONS = {
  keepAlive: true,
  keepAliveMsecs: 1000,
  maxSockets: 256,
  maxFreeSockets: 64,
  scheduling: 'lifo',
} as const;

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error as { code: unknown };
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export class HttpClient {
  private readonly httpAgent = new http.Agent(AGENT_OPTIONS);
  private readonly httpsAgent = new https.Agent(AGENT_OPTIONS);
  private readonly timeoutMs: number;
  private readonly maxResponseBytes: number;

  constructor(options: HttpClientOptions) {
    this.timeoutMs = options.timeoutMs;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /**
   * POSTs `body` and resolves with the whole answer, whatever its status; rejects only with
   * an UpstreamFailure. A keep-alive socket the server closed while idle fails on first use
   * (ECONNRESET); that one case is retried once on a fresh socket, within the same deadline.
   */
  async post(url: URL, headers: Record<string, string>, body: string): Promise<UpstreamResponse> {
    const deadline = Date.now() + this.timeoutMs;
    try {
      return await this.attempt(url, headers, body, deadline);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
    }
    try {
      return await this.attempt(url, headers, body, deadline);
    } catch (error) {
      if (error instanceof StaleSocketError) throw new UpstreamFailure('unreachable', 'ECONNRESET');
      throw error;
    }
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private attempt(
    url: URL,
    headers: Record<string, string>,
    body: string,
    deadline: number,
  ): Promise<UpstreamResponse> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      const isHttps = url.protocol === 'https:';
      const request = (isHttps ? https : http).request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          agent: isHttps ? this.httpsAgent : this.httpAgent,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.maxResponseBytes) {
              finish(() => reject(new UpstreamFailure('too-large')));
              request.destroy();
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () =>
            finish(() =>
              resolve({
                status: response.statusCode ?? 0,
                headers: response.headers,
                body: Buffer.concat(chunks),
              }),
            ),
          );
          response.on('error', (error) =>
            finish(() => reject(new UpstreamFailure('unreachable', errorCode(error)))),
          );
          response.on('close', () => {
            if (!response.complete) {
              finish(() => reject(new UpstreamFailure('unreachable', 'ECONNRESET')));
            }
          });
        },
      );
      const timer = setTimeout(
        () => {
          finish(() => reject(new UpstreamFailure('timeout')));
          request.destroy();
        },
        Math.max(1, deadline - Date.now()),
      );
      request.on('error', (error) => {
        const code = errorCode(error);
        finish(() =>
          reject(
            request.reusedSocket && code === 'ECONNRESET'
              ? new StaleSocketError()
              : new UpstreamFailure('unreachable', code),
          ),
        );
      });
      request.end(body);
    });
  }
}

/** A reused keep-alive socket was already closed by the server: safe to retry once. */
class StaleSocketError extends Error {
  constructor() {
    super('stale keep-alive socket');
  }
}
