/** Facts about the console itself: health and the non-secret configuration. */
import type { FastifyInstance } from 'fastify';
import type { ConsoleConfig } from '../config';

export interface PublicConfig {
  upstream: 'local' | 'cloud';
  endpoint: string;
  region: string;
  projectId: string;
  authMode: 'aksk' | 'token' | 'password' | 'operator';
  accessControl: boolean;
}

/** Exactly what the browser may know: never a credential, only which kind is in use. */
export function publicConfig(config: ConsoleConfig): PublicConfig {
  return {
    upstream: config.upstream.kind,
    endpoint: config.upstream.endpoint,
    region: config.upstream.region,
    projectId: config.upstream.projectId,
    authMode: config.upstream.auth.mode,
    accessControl: config.accessToken !== undefined,
  };
}

export function registerMetaRoutes(app: FastifyInstance, config: ConsoleConfig): void {
  const facts = publicConfig(config);
  app.get('/api/config', async () => facts);
  app.get('/healthz', async () => ({ status: 'ok' }));
}
