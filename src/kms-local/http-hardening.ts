/**
 * What keeps the local KMS's HTTP server safe to run: it answers only the host names it
 * serves (its dev token is published, so a page rebound to 127.0.0.1 could otherwise use it
 * same-origin), and slow clients cannot hold it (timeouts, a per-client connection cap).
 */
import type { FastifyInstance } from 'fastify';
import {
  capConnectionsPerClient,
  HostAllowlist,
  parseHostHeader,
  timeoutOptions,
  type AllowedHost,
  type ConnectionLimits,
} from '../node/http';
import { KmsError } from '../shared/kms';

export interface KmsServerSettings {
  /** LOCAL_KMS_HOST: answered as a name on any port when it is one (not an address). */
  host?: string;
  /** LOCAL_KMS_ALLOWED_HOSTS: further names clients use (e.g. a container's service name). */
  allowedHosts?: AllowedHost[];
  limits?: ConnectionLimits;
}

export const LOCAL_KMS_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5000,
  // Above the console's own pool to its upstream (256 sockets), so it never meets the cap.
  maxConnectionsPerClient: 512,
};

/** Fastify options for the local KMS's timeouts. */
export function kmsTimeoutOptions(settings: KmsServerSettings) {
  return timeoutOptions(settings.limits ?? LOCAL_KMS_LIMITS);
}

/** The host allowlist as the first hook, and the connection cap. */
export function hardenKmsServer(app: FastifyInstance, settings: KmsServerSettings): void {
  const limits = settings.limits ?? LOCAL_KMS_LIMITS;
  capConnectionsPerClient(app.server, limits.maxConnectionsPerClient);
  const named = [...(settings.allowedHosts ?? [])];
  const bindName = settings.host === undefined ? null : parseHostHeader(settings.host);
  if (bindName !== null) named.push({ name: bindName.name });
  const allowlist = new HostAllowlist(named);
  app.addHook('onRequest', async (request, reply) => {
    if (allowlist.allows(request.headers.host, request.socket.localPort)) return undefined;
    const refusal = new KmsError(
      'KMS.0201',
      'Invalid request URL: this local KMS does not answer that host name.',
    );
    // 421 Misdirected Request: the client reached the wrong server for the name it used.
    return reply.status(421).type('application/json; charset=utf-8').send(refusal.toBody());
  });
}
