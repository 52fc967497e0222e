/**
 * Console access (CONSOLE_ACCESS_TOKEN): the operator exchanges the access token for a
 * session cookie once, and signs out by dropping it. Attempts are rate limited per client.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { KmsError } from '../../shared/kms';
import type { RateLimiter } from '../security/rate-limit';
import { SESSION_COOKIE, sessionLabel, type SessionCodec } from '../security/session';

const signInBodySchema = z.strictObject({ access_token: z.string().min(1).max(1024) });

export interface SessionRouteOptions {
  /** Absent when access control is off. */
  codec: SessionCodec | undefined;
  signInLimiter: RateLimiter;
}

/** Reads the session cookie; the session id of a valid one, else null. */
export function sessionOf(request: FastifyRequest, codec: SessionCodec | undefined): string | null {
  if (!codec) return null;
  return codec.verify(request.cookies[SESSION_COOKIE]);
}

export function registerSessionRoutes(app: FastifyInstance, options: SessionRouteOptions): void {
  const { codec, signInLimiter } = options;

  app.get('/api/session', async (request) => ({
    required: codec !== undefined,
    signedIn: codec !== undefined && sessionOf(request, codec) !== null,
  }));

  app.post('/api/session', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!signInLimiter.take(request.ip)) {
      request.log.warn(
        { audit: { event: 'session.sign-in', client: request.ip, outcome: 'throttled' } },
        'sign-in',
      );
      throw new KmsError('CONSOLE.0004', 'Too many sign-in attempts; wait a minute and try again.');
    }
    const parsed = signInBodySchema.safeParse(request.body);
    if (!parsed.success) {
      throw new KmsError('KMS.0214', 'Send {"access_token": "..."} to sign in.');
    }
    if (!codec) return reply.status(204).send(); // nothing to sign in to
    if (!codec.isAccessToken(parsed.data.access_token)) {
      request.log.warn(
        { audit: { event: 'session.sign-in', client: request.ip, outcome: 'refused' } },
        'sign-in',
      );
      throw new KmsError('CONSOLE.0006');
    }
    const session = codec.issue();
    reply.setCookie(SESSION_COOKIE, session.cookieValue, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      maxAge: session.maxAgeSeconds,
    });
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

  app.delete('/api/session', async (request: FastifyRequest, reply: FastifyReply) => {
    const sessionId = sessionOf(request, codec);
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
    });
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
}
