/**
 * The console server: serves the browser app and proxies the allowlisted KMS operations.
 * Built by a factory that does not listen; `main` listens, tests use port 0.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { KmsError, REQUEST_BODY_MAX_BYTES } from '../shared/kms';
import type { ConsoleConfig, TrustProxy } from './config';
import { clientErrorHandler, errorHandler, sendKmsError, toKmsError } from './http/errors';
import { isApiRequest, needsSession } from './http/api-route';
import { isJsonContentType, parseJsonBody } from './http/json-body';
import './http/request-context';
import { loggerOptions } from './logging';
import { registerKmsRoutes } from './routes/kms';
import { registerMetaRoutes } from './routes/meta';
import { registerSessionRoutes, sessionOf } from './routes/session';
import { registerStatic } from './routes/static';
import { applySecurityHeaders } from './security/headers';
import { isForeignOrigin } from './security/origin';
import { RateLimiter } from './security/rate-limit';
import { SessionCodec } from './security/session';
import { KmsUpstream } from './upstream/kms-upstream';

type TrustProxyFunction = (address: string, hop: number) => boolean;

/** Fastify's types lack the hop count its runtime accepts: the equivalent function. */
function trustProxySetting(trustProxy: TrustProxy): boolean | string[] | TrustProxyFunction {
  if (typeof trustProxy !== 'number') return trustProxy;
  return (_address, hop) => hop < trustProxy;
}

export async function buildConsoleServer(config: ConsoleConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config),
    // One structured line per operation (the audit) replaces Fastify's two lines per request.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: trustProxySetting(config.trustProxy),
    bodyLimit: REQUEST_BODY_MAX_BYTES,
    // A client-chosen request id would let it forge audit correlation.
    requestIdHeader: false,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler,
    // Bad URLs and over-long parameters are refused by the router before any hook runs.
    frameworkErrors: (error, request, reply) => {
      const kmsError = toKmsError(error) ?? new KmsError('KMS.0201');
      request.kmsErrorCode = kmsError.code;
      sendKmsError(reply, kmsError);
    },
  });

  const upstream = new KmsUpstream(config.upstream, (error) =>
    app.log.warn({ errorCode: error.code, reason: error.message }, 'IAM token renewal failed'),
  );
  app.addHook('onClose', async () => upstream.close());
  app.decorate('kmsUpstream', upstream);

  const codec = config.accessToken
    ? new SessionCodec(config.accessToken, config.sessionTtlMs)
    : undefined;
  const apiLimiter =
    config.rateLimitPerMinute > 0
      ? new RateLimiter({ perMinute: config.rateLimitPerMinute })
      : null;
  const signInLimiter = new RateLimiter({ perMinute: config.signInRateLimitPerMinute });

  app.decorateRequest('sessionId', null);
  app.decorateRequest('kmsErrorCode', null);
  app.decorateRequest('kmsAudit', null);

  await app.register(fastifyCookie);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: REQUEST_BODY_MAX_BYTES },
    (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );

  app.setErrorHandler(errorHandler);

  // Cheapest refusals first, all before the body is read.
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return;
    if (apiLimiter && !apiLimiter.take(request.ip)) {
      request.kmsErrorCode = 'CONSOLE.0004';
      return sendKmsError(reply, new KmsError('CONSOLE.0004'));
    }
    const changesState = request.method !== 'GET' && request.method !== 'HEAD';
    if (changesState && isForeignOrigin(request, config.allowedOrigins)) {
      request.kmsErrorCode = 'CONSOLE.0003';
      return sendKmsError(reply, new KmsError('CONSOLE.0003'));
    }
    if (request.method === 'POST' && !isJsonContentType(request.headers['content-type'])) {
      request.kmsErrorCode = 'CONSOLE.0002';
      return sendKmsError(reply, new KmsError('CONSOLE.0002'));
    }
    if (codec) {
      request.sessionId = sessionOf(request, codec);
      if (request.sessionId === null && needsSession(request)) {
        request.kmsErrorCode = 'CONSOLE.0005';
        return sendKmsError(reply, new KmsError('CONSOLE.0005'));
      }
    }
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply);
    return payload;
  });

  registerMetaRoutes(app, config);
  registerSessionRoutes(app, { codec, signInLimiter });
  registerKmsRoutes(app, { upstream, authMode: config.upstream.auth.mode });
  await registerStatic(app, config.staticDir);

  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The upstream client, exposed so tests can count IAM token requests. */
    kmsUpstream: KmsUpstream;
  }
}
