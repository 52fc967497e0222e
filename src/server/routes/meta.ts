/** Facts about the console itself: health and the non-secret configuration. */
import type { FastifyPluginAsync } from 'fastify';
import { CONSOLE_API, type PublicConfig } from '../../shared/console';
import type { ConsoleConfig } from '../config';

/** Exactly what the browser may know: never a credential, only which kind is in use. */
export function publicConfig(config: ConsoleConfig, teamHistory = false): PublicConfig {
  return {
    upstream: config.upstream.kind,
    endpoint: config.upstream.endpoint,
    region: config.upstream.region,
    projectId: config.upstream.projectId,
    authMode: config.upstream.auth.mode,
    accessControl: config.accessToken !== undefined,
    ...(teamHistory && { teamHistory }),
  };
}

export interface MetaRouteOptions {
  publicConfig: PublicConfig;
}

export const metaRoutes: FastifyPluginAsync<MetaRouteOptions> = async (app, options) => {
  const facts = options.publicConfig;
  app.get(CONSOLE_API.config, async () => facts);
  app.get(CONSOLE_API.health, async () => ({ status: 'ok' }));
};
