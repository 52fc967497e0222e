/**
 * HTTP requests with full control over what fetch() will not let a test set: the Host header,
 * raw body bytes, and the local address the socket is bound to.
 */
import http from 'node:http';

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bind the client socket to this address, e.g. 127.0.0.2 to be another loopback client. */
  localAddress?: string;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: unknown;
}

export function rawRequest(url: string, request: RawRequest = {}): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: request.method ?? 'GET',
        headers: request.headers ?? {},
        agent: false,
        ...(request.localAddress !== undefined && { localAddress: request.localAddress }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export function errorCodeOfRaw(answer: RawAnswer): string | undefined {
  const body = answer.body as { error?: { error_code?: unknown } };
  return typeof body?.error?.error_code === 'string' ? body.error.error_code : undefined;
}
