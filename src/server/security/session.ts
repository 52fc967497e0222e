/**
 * Console sessions for CONSOLE_ACCESS_TOKEN. A session is a signed cookie, not server state,
 * so any number of console servers sharing the access token accept each other's sessions
 * (the console is stateless behind a load balancer). Changing the token ends every session.
 *
 * A cookie lives `idleMs` (minutes) and is replaced by a fresh one while the session is in
 * use, up to `maxMs` after sign-in: a copied cookie that is not revoked everywhere still
 * lapses soon (see sessions.ts for sign-out).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kms_console_session';
const VERSION = 'v2';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A short, stable, non-reversible label for a session id: what the audit log records. */
export function sessionLabel(sessionId: string): string {
  return sha256(sessionId).toString('hex').slice(0, 16);
}

export interface SessionLifetimes {
  /** A cookie's lifetime; it is renewed while the session is in use. */
  idleMs: number;
  /** The session's whole lifetime from sign-in, renewals included. */
  maxMs: number;
}

/** What a valid cookie says; times in milliseconds since the epoch. */
export interface VerifiedSession {
  sessionId: string;
  /** When this cookie lapses. */
  expiresAt: number;
  /** When the session ends, however it is renewed. */
  endsAt: number;
}

export interface IssuedSession extends VerifiedSession {
  cookieValue: string;
  maxAgeSeconds: number;
}

export class SessionCodec {
  private readonly macKey: Buffer;
  private readonly tokenDigest: Buffer;

  constructor(
    accessToken: string,
    private readonly lifetimes: SessionLifetimes,
  ) {
    // A key derived for this purpose only: the access token itself never signs anything.
    this.macKey = createHmac('sha256', accessToken).update('kms-console/session/v2').digest();
    this.tokenDigest = sha256(accessToken);
  }

  /** Compares digests, so the time taken says nothing about the token or its length. */
  isAccessToken(candidate: string): boolean {
    return timingSafeEqual(sha256(candidate), this.tokenDigest);
  }

  /** A new session, at sign-in. */
  issue(now = Date.now()): IssuedSession {
    const sessionId = randomBytes(18).toString('base64url');
    return this.cookieFor(sessionId, now + this.lifetimes.maxMs, now);
  }

  /**
   * A fresh cookie for a session in use, or null while its cookie is still young (so not
   * every request sets a cookie) or when the session cannot be extended any further.
   */
  renew(session: VerifiedSession, now = Date.now()): IssuedSession | null {
    const { idleMs } = this.lifetimes;
    const renewAfterMs = Math.min(60_000, idleMs / 4);
    const age = idleMs - (session.expiresAt - now);
    if (age < renewAfterMs || session.expiresAt >= session.endsAt) return null;
    return this.cookieFor(session.sessionId, session.endsAt, now);
  }

  /** The session of a valid, unexpired cookie; null for anything else. */
  verify(cookieValue: string | undefined, now = Date.now()): VerifiedSession | null {
    if (!cookieValue || cookieValue.length > 200) return null;
    const parts = cookieValue.split('.');
    if (parts.length !== 5) return null;
    const [version, sessionId, expiresAt, endsAt, mac] = parts as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (version !== VERSION || !/^\d{1,15}$/.test(expiresAt) || !/^\d{1,15}$/.test(endsAt)) {
      return null;
    }
    const expected = Buffer.from(this.mac(`${version}.${sessionId}.${expiresAt}.${endsAt}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const session = { sessionId, expiresAt: Number(expiresAt), endsAt: Number(endsAt) };
    if (session.expiresAt <= now || session.endsAt <= now) return null;
    return session;
  }

  private cookieFor(sessionId: string, endsAt: number, now: number): IssuedSession {
    const expiresAt = Math.min(now + this.lifetimes.idleMs, endsAt);
    const unsigned = `${VERSION}.${sessionId}.${expiresAt}.${endsAt}`;
    return {
      sessionId,
      expiresAt,
      endsAt,
      cookieValue: `${unsigned}.${this.mac(unsigned)}`,
      maxAgeSeconds: Math.floor((expiresAt - now) / 1000),
    };
  }

  private mac(text: string): string {
    return createHmac('sha256', this.macKey).update(text).digest('base64url');
  }
}
