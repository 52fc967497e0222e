/**
 * The console server: serves the browser app and proxies the allowlisted KMS operations.
 * Built by a factory that does not listen; `main` listens, tests use port 0 or inject().
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import {
  capConnectionsPerClient,
  newRequestId,
  parseJsonBytes,
  timeoutOptions,
} from '../node/http';
import { REQUEST_BODY_MAX_BYTES } from '../shared/kms';
import type { ConsoleConfig, TrustProxy } from './config';
import {
  consoleHostAllowlist,
  installApiGuards,
  installHostGuard,
  jsonBodyGuard,
  RateLimiter,
  rateLimitGuard,
  sameOriginGuard,
  sessionGuard,
  type ApiGuard,
} from './guards';
import { consoleHistoryOptions, installConsoleHistory } from './history/console-history';
import type { HistoryRepository } from './history/repository';
import { clientErrorHandler, errorHandler, frameworkErrorHandler } from './http/errors';
import './http/request-context';
import { loggerOptions } from './logging';
import { kmsRoutes } from './routes/kms';
import { metaRoutes, publicConfig } from './routes/meta';
import { sessionRoutes } from './routes/session';
import { staticRoutes } from './routes/static';
import { applySecurityHeaders } from './security/headers';
import { trustedPeer } from './security/trusted-peer';
import { ConsoleSessions, setSessionCookie } from './security/sessions';
import { KmsUpstream } from './upstream/kms-upstream';

type TrustProxyFunction = (address: string, hop: number) => boolean;

/** Fastify's types lack the hop count its runtime accepts: the equivalent function. */
function trustProxySetting(trustProxy: TrustProxy): boolean | string[] | TrustProxyFunction {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

/** The origins the console answers as its own besides the one a request was sent to. */
function ownOrigins(config: ConsoleConfig): string[] {
  return config.publicUrl === undefined
    ? config.allowedOrigins
    : [config.publicUrl, ...config.allowedOrigins];
}

/** Cheapest refusals first, all before the body is read. */
function apiGuards(config: ConsoleConfig, sessions: ConsoleSessions | undefined): ApiGuard[] {
  const guards: ApiGuard[] = [];
  if (config.rateLimitPerMinute > 0) {
    guards.push(rateLimitGuard(new RateLimiter({ perMinute: config.rateLimitPerMinute })));
  }
  guards.push(sameOriginGuard(ownOrigins(config)), jsonBodyGuard);
  if (sessions) guards.push(sessionGuard(sessions));
  return guards;
}

/** What the composition root opens and hands in (the server closes it with itself). */
export interface ConsoleServices {
  /** The team history store; without one the browser keeps its own history only. */
  history?: HistoryRepository;
}

export async function buildConsoleServer(
  config: ConsoleConfig,
  services: ConsoleServices = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    // One structured line per operation (the audit) replaces Fastify's two lines per request.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxySetting(config.trustProxy),
    bodyLimit: REQUEST_BODY_MAX_BYTES,
    // A client-chosen request id would let it forge audit correlation.
    requestIdHeader: false,
    // Unique across restarts and replicas: audit events carry it.
    genReqId: () => newRequestId(),
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler,
    frameworkErrors: frameworkErrorHandler,
    // A connection may stay silent while its answer waits on KMS (and, first, on an IAM token).
    ...timeoutOptions(config.limits, 2 * config.upstream.timeoutMs),
  });
  capConnectionsPerClient(
    app.server,
    config.limits.maxConnectionsPerClient,
    trustedPeer(config.trustProxy),
  );
  // First of all hooks: a request for a foreign host name gets nothing else.
  installHostGuard(app, consoleHostAllowlist(ownOrigins(config)));

  const upstream = new KmsUpstream(config.upstream, (error) =>
    app.log.warn({ errorCode: error.code, reason: error.message }, 'IAM token renewal failed'),
  );
  app.addHook('onClose', async () => upstream.close());
  app.decorate('kmsUpstream', upstream);

  const sessions = config.accessToken
    ? new ConsoleSessions(config.accessToken, {
        idleMs: config.sessionIdleMs,
        maxMs: config.sessionTtlMs,
      })
    : undefined;

  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionRenewal', null);
  app.decorateRequest('kmsErrorCode', null);
  app.decorateRequest('kmsAudit', null);

  await app.register(fastifyCookie);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    // Bytes, not a string: a string would already have replaced invalid UTF-8 with U+FFFD.
    { parseAs: 'buffer', bodyLimit: REQUEST_BODY_MAX_BYTES },
    (_request, body, done) => {
      try {
        done(null, parseJsonBytes(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.setErrorHandler(errorHandler);
  installApiGuards(app, apiGuards(config, sessions));
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    if (request.sessionRenewal) setSessionCookie(request, reply, request.sessionRenewal);
    return payload;
  });

  if (services.history) {
    await installConsoleHistory(app, consoleHistoryOptions(config, services.history));
  }
  await app.register(metaRoutes, {
    publicConfig: publicConfig(config, services.history !== undefined),
  });
  await app.register(sessionRoutes, {
    sessions,
    signInLimiter: new RateLimiter({ perMinute: config.signInRateLimitPerMinute }),
  });
  await app.register(kmsRoutes, { upstream });
  await app.register(staticRoutes, { staticDir: config.staticDir });

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The upstream client, exposed so tests can count IAM token requests. */
    kmsUpstream: KmsUpstream;
  }
}
