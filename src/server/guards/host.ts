/**
 * The Host allowlist (DNS rebinding): the first hook on every request, the app's page and
 * /healthz included. Behind a trusted proxy Fastify's `request.host` is the X-Forwarded-Host
 * that proxy set (what the browser asked for), else the Host header.
 */
import type { FastifyInstance } from 'fastify';
import { allowedHostOfUrl, HostAllowlist, sendKmsError } from '../../node/http';
import { ConsoleError } from '../../shared/console';

/** The console's own names: loopback and IP literals on its port, its public URL and origins. */
export function consoleHostAllowlist(ownOrigins: readonly string[]): HostAllowlist {
  return new HostAllowlist(ownOrigins.map(allowedHostOfUrl));
}

export function installHostGuard(app: FastifyInstance, allowlist: HostAllowlist): void {
  app.addHook('onRequest', async (request, reply) => {
    if (allowlist.allows(request.host, request.socket.localPort)) return undefined;
    const refusal = new ConsoleError('CONSOLE.0200');
    request.kmsErrorCode = refusal.code;
    request.log.warn({ host: request.host.slice(0, 100) }, 'request for a foreign host name');
    return sendKmsError(reply, refusal);
  });
}
