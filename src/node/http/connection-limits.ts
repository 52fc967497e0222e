/**
 * Slow clients cannot hold a server: every request must arrive whole within a time limit,
 * idle keep-alive connections close, and one client address holds at most so many
 * connections at once. Shared by the console server and the local KMS.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** A whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Concurrent connections per client address; 0 turns the cap off. */
  maxConnectionsPerClient: number;
}

/**
 * Fastify's options for `limits`. `slowestAnswerMs` is the longest a handler may legitimately
 * keep a connection silent (waiting on an upstream), so the idle timeout never cuts it off.
 */
export function timeoutOptions(limits: ConnectionLimits, slowestAnswerMs = 0) {
  const { requestTimeoutMs, keepAliveTimeoutMs } = limits;
  return {
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: keepAliveTimeoutMs,
    connectionTimeout: requestTimeoutMs + slowestAnswerMs,
    http: {
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      keepAliveTimeout: keepAliveTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default): a request could
      // otherwise live nearly twice its limit.
      connectionsCheckingInterval: Math.min(5000, Math.max(250, Math.floor(requestTimeoutMs / 4))),
    },
  };
}

/**
 * Destroys a new connection when its client address already holds `max`. `isExempt` names
 * peers that speak for many clients (a trusted reverse proxy), which are not capped here.
 */
export function capConnectionsPerClient(
  server: Server,
  max: number,
  isExempt: (address: string) => boolean = () => false,
): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (address === undefined || isExempt(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const remaining = (open.get(address) ?? 1) - 1;
      if (remaining <= 0) open.delete(address);
      else open.set(address, remaining);
    });
  });
}
