/**
 * Console access (CONSOLE_ACCESS_TOKEN): the operator exchanges the access token for a
 * session cookie once; signing out drops the cookie and revokes the session on this server.
 * Attempts are rate limited per client.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONSOLE_API,
  ConsoleError,
  signInRequestSchema,
  type SessionStatus,
} from '../../shared/console';
import { KmsError } from '../../shared/kms';
import { sessionOf, type RateLimiter } from '../guards';
import { sessionLabel } from '../security/session';
import { clearSessionCookie, setSessionCookie, type ConsoleSessions } from '../security/sessions';

export interface SessionRouteOptions {
  /** Absent when access control is off. */
  sessions: ConsoleSessions | undefined;
  signInLimiter: RateLimiter;
}

export const sessionRoutes: FastifyPluginAsync<SessionRouteOptions> = async (app, options) => {
  const { sessions, signInLimiter } = options;

  app.get(CONSOLE_API.session, async (request): Promise<SessionStatus> => {
    const session = sessionOf(request, sessions);
    if (!session) return { required: sessions !== undefined, signedIn: false };
    // This very answer may carry a renewed cookie: its lifetime is the one that counts.
    const expiresAt = request.sessionRenewal?.expiresAt ?? session.expiresAt;
    const expiresInSeconds = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000));
    return { required: true, signedIn: true, expiresInSeconds };
  });

  app.post(CONSOLE_API.session, async (request: FastifyRequest, reply: FastifyReply) => {
    if (!signInLimiter.take(request.ip)) {
      request.log.warn(
        { audit: { event: 'session.sign-in', client: request.ip, outcome: 'throttled' } },
        'sign-in',
      );
      throw new ConsoleError(
        'CONSOLE.0004',
        'Too many sign-in attempts; wait a minute and try again.',
      );
    }
    const parsed = signInRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      throw new KmsError('KMS.0214', 'Send {"access_token": "..."} to sign in.');
    }
    if (!sessions) return reply.status(204).send(); // nothing to sign in to
    if (!sessions.isAccessToken(parsed.data.access_token)) {
      request.log.warn(
        { audit: { event: 'session.sign-in', client: request.ip, outcome: 'refused' } },
        'sign-in',
      );
      throw new ConsoleError('CONSOLE.0006');
    }
    const session = sessions.signIn();
    request.sessionRenewal = null;
    setSessionCookie(request, reply, session);
    request.log.info(
      {
        audit: {
          event: 'session.sign-in',
          client: request.ip,
          outcome: 'signed-in',
          session: sessionLabel(session.sessionId),
        },
      },
      'sign-in',
    );
    return reply.status(204).send();
  });

  app.delete(CONSOLE_API.session, async (request: FastifyRequest, reply: FastifyReply) => {
    const session = sessionOf(request, sessions);
    if (session) sessions?.signOut(session);
    const sessionId = session?.sessionId ?? null;
    request.sessionRenewal = null;
    clearSessionCookie(request, reply);
    request.log.info(
      {
        audit: {
          event: 'session.sign-out',
          client: request.ip,
          session: sessionId === null ? null : sessionLabel(sessionId),
        },
      },
      'sign-out',
    );
    return reply.status(204).send();
  });
};
