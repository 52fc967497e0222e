/**
 * The /api guards, one onRequest hook for all of them: rate limit, then cross-origin, then
 * media type, then session. A new guard (e.g. a Host allowlist) is one file and one entry.
 */
import type { FastifyInstance } from 'fastify';
import { isJsonContentType, sendKmsError } from '../../node/http';
import { ConsoleError } from '../../shared/console';
import { isApiRequest, needsSession } from '../http/api-route';
import type { ConsoleSessions } from '../security/sessions';
import { isForeignOrigin } from './origin';
import type { RateLimiter } from './rate-limit';
import { sessionOf } from './session';
import type { ApiGuard } from './types';

export function rateLimitGuard(limiter: RateLimiter): ApiGuard {
  return (request) => (limiter.take(request.ip) ? null : new ConsoleError('CONSOLE.0004'));
}

export function sameOriginGuard(allowedOrigins: readonly string[]): ApiGuard {
  return (request) => {
    const changesState = request.method !== 'GET' && request.method !== 'HEAD';
    return changesState && isForeignOrigin(request, allowedOrigins)
      ? new ConsoleError('CONSOLE.0003')
      : null;
  };
}

export const jsonBodyGuard: ApiGuard = (request) =>
  request.method === 'POST' && !isJsonContentType(request.headers['content-type'])
    ? new ConsoleError('CONSOLE.0002')
    : null;

/**
 * Reads the session for every /api request and prepares its renewal (set on the way out);
 * refuses the routes that need one without it.
 */
export function sessionGuard(sessions: ConsoleSessions): ApiGuard {
  return (request) => {
    const session = sessionOf(request, sessions);
    request.sessionId = session?.sessionId ?? null;
    request.sessionRenewal = session ? sessions.renewal(session) : null;
    return session === null && needsSession(request) ? new ConsoleError('CONSOLE.0005') : null;
  };
}

/** Runs `guards` in order on every /api request, before its body is read. */
export function installApiGuards(app: FastifyInstance, guards: readonly ApiGuard[]): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRequest(request)) return undefined;
    for (const guard of guards) {
      const refusal = guard(request);
      if (refusal) {
        request.kmsErrorCode = refusal.code;
        return sendKmsError(reply, refusal);
      }
    }
    return undefined;
  });
}
