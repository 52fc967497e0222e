/**
 * The console's sessions: signed, short-lived cookies (session.ts) plus the sign-outs this
 * server has seen (session-revocations.ts). A signed-out session is refused here at once,
 * whichever of its cookies (renewals included) is replayed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionRevocations } from './session-revocations';
import {
  SESSION_COOKIE,
  SessionCodec,
  type IssuedSession,
  type SessionLifetimes,
  type VerifiedSession,
} from './session';

export class ConsoleSessions {
  private readonly codec: SessionCodec;
  private readonly revocations = new SessionRevocations();

  constructor(accessToken: string, lifetimes: SessionLifetimes) {
    this.codec = new SessionCodec(accessToken, lifetimes);
  }

  isAccessToken(candidate: string): boolean {
    return this.codec.isAccessToken(candidate);
  }

  signIn(now = Date.now()): IssuedSession {
    return this.codec.issue(now);
  }

  /** The live session of a request's cookie, or null. */
  of(request: FastifyRequest, now = Date.now()): VerifiedSession | null {
    const session = this.codec.verify(request.cookies[SESSION_COOKIE], now);
    if (session === null || this.revocations.isRevoked(session.sessionId)) return null;
    return session;
  }

  renewal(session: VerifiedSession, now = Date.now()): IssuedSession | null {
    return this.codec.renew(session, now);
  }

  signOut(session: VerifiedSession, now = Date.now()): void {
    this.revocations.revoke(session.sessionId, session.endsAt, now);
  }
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
  };
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  session: IssuedSession,
): void {
  reply.setCookie(SESSION_COOKIE, session.cookieValue, {
    ...cookieOptions(request),
    maxAge: session.maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
