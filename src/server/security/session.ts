/**
 * Console sessions for CONSOLE_ACCESS_TOKEN. A session is a signed cookie, not server state,
 * so any number of console servers sharing the access token accept each other's sessions
 * (the console is stateless behind a load balancer). Changing the token ends every session.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'kms_console_session';
const VERSION = 'v1';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** A short, stable, non-reversible label for a session id: what the audit log records. */
export function sessionLabel(sessionId: string): string {
  return sha256(sessionId).toString('hex').slice(0, 16);
}

export interface IssuedSession {
  sessionId: string;
  cookieValue: string;
  maxAgeSeconds: number;
}

export class SessionCodec {
  private readonly macKey: Buffer;
  private readonly tokenDigest: Buffer;

  constructor(
    accessToken: string,
    private readonly ttlMs: number,
  ) {
    // A key derived for this purpose only: the access token itself never signs anything.
    this.macKey = createHmac('sha256', accessToken).update('kms-console/session/v1').digest();
    this.tokenDigest = sha256(accessToken);
  }

  /** Compares digests, so the time taken says nothing about the token or its length. */
  isAccessToken(candidate: string): boolean {
    return timingSafeEqual(sha256(candidate), this.tokenDigest);
  }

  issue(now = Date.now()): IssuedSession {
    const sessionId = randomBytes(18).toString('base64url');
    const expiresAt = Math.floor((now + this.ttlMs) / 1000);
    const unsigned = `${VERSION}.${sessionId}.${expiresAt}`;
    return {
      sessionId,
      cookieValue: `${unsigned}.${this.mac(unsigned)}`,
      maxAgeSeconds: Math.floor(this.ttlMs / 1000),
    };
  }

  /** The session id of a valid, unexpired cookie; null for anything else. */
  verify(cookieValue: string | undefined, now = Date.now()): string | null {
    if (!cookieValue || cookieValue.length > 200) return null;
    const parts = cookieValue.split('.');
    if (parts.length !== 4) return null;
    const [version, sessionId, expiresAt, mac] = parts as [string, string, string, string];
    if (version !== VERSION || !/^\d{1,12}$/.test(expiresAt)) return null;
    const expected = Buffer.from(this.mac(`${version}.${sessionId}.${expiresAt}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (Number(expiresAt) * 1000 <= now) return null;
    return sessionId;
  }

  private mac(text: string): string {
    return createHmac('sha256', this.macKey).update(text).digest('base64url');
  }
}
