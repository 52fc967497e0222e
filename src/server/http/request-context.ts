import type { IssuedSession } from '../security/session';

/** What the console learns about a request on its way through, for the audit line. */
export interface KmsAuditFields {
  operation: string;
  keyId?: string;
  algorithm?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in session's id (access control on), else null. Never logged as is. */
    sessionId: string | null;
    /** A fresh cookie for the session in use, set on the answer; null when none is due. */
    sessionRenewal: IssuedSession | null;
    /** The error code the answer carried, set by the error handler. */
    kmsErrorCode: string | null;
    kmsAudit: KmsAuditFields | null;
  }
}
