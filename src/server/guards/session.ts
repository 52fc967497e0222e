import type { FastifyRequest } from 'fastify';
import type { VerifiedSession } from '../security/session';
import type { ConsoleSessions } from '../security/sessions';

/** The live session of the request's cookie; null without one or when access control is off. */
export function sessionOf(
  request: FastifyRequest,
  sessions: ConsoleSessions | undefined,
): VerifiedSession | null {
  return sessions ? sessions.of(request) : null;
}
