import { describe, expect, it } from 'vitest';
import { SessionRevocations } from './session-revocations';
import { SessionCodec, sessionLabel } from './session';

const TOKEN = 'console-access-token-0123456789';

describe('SessionCodec', () => {
  const codec = new SessionCodec(TOKEN, { idleMs: 60_000, maxMs: 10 * 60_000 });

  it('checks the access token', () => {
    expect(codec.isAccessToken(TOKEN)).toBe(true);
    expect(codec.isAccessToken(`${TOKEN}x`)).toBe(false);
    expect(codec.isAccessToken('')).toBe(false);
  });

  it('issues cookies that verify until they expire', () => {
    const now = 1_700_000_000_000;
    const session = codec.issue(now);
    expect(session.maxAgeSeconds).toBe(60);
    expect(session.cookieValue).not.toContain(TOKEN);
    expect(codec.verify(session.cookieValue, now)?.sessionId).toBe(session.sessionId);
    expect(codec.verify(session.cookieValue, now + 59_000)?.sessionId).toBe(session.sessionId);
    expect(codec.verify(session.cookieValue, now + 60_000)).toBeNull();
  });

  it('refuses tampered, malformed and foreign cookies', () => {
    const now = 1_700_000_000_000;
    const { cookieValue } = codec.issue(now);
    const [version, id, expiry, end, mac] = cookieValue.split('.') as [
      string,
      string,
      string,
      string,
      string,
    ];
    expect(codec.verify(`${version}.${id}.${Number(expiry) + 1}.${end}.${mac}`, now)).toBeNull();
    expect(codec.verify(`${version}.${id}.${expiry}.${Number(end) + 1}.${mac}`, now)).toBeNull();
    expect(codec.verify(`${version}.${id}x.${expiry}.${end}.${mac}`, now)).toBeNull();
    expect(codec.verify(`v1.${id}.${expiry}.${end}.${mac}`, now)).toBeNull();
    expect(codec.verify(`${version}.${id}.${expiry}.${mac}`, now)).toBeNull();
    for (const junk of [undefined, '', '....', 'a.b.c.d.e', 'x'.repeat(500)]) {
      expect(codec.verify(junk, now)).toBeNull();
    }
    const other = new SessionCodec('another-access-token-0123456789', {
      idleMs: 60_000,
      maxMs: 600_000,
    });
    expect(other.verify(cookieValue, now)).toBeNull();
  });

  it('renews a cookie in use with a new one, never past the session lifetime', () => {
    const now = 1_700_000_000_000;
    const first = codec.issue(now);
    // Young cookies are not renewed: not every request sets a cookie.
    expect(codec.renew(codec.verify(first.cookieValue, now + 1000)!, now + 1000)).toBeNull();
    const later = now + 30_000;
    const renewed = codec.renew(codec.verify(first.cookieValue, later)!, later)!;
    expect(renewed.sessionId).toBe(first.sessionId);
    expect(renewed.cookieValue).not.toBe(first.cookieValue);
    expect(renewed.expiresAt).toBe(later + 60_000);
    expect(renewed.endsAt).toBe(first.endsAt);
    // Used every 30 s, the session still ends 10 minutes after sign-in.
    let cookie = renewed.cookieValue;
    let at = later;
    while (codec.verify(cookie, at) !== null) {
      const session = codec.verify(cookie, at)!;
      cookie = codec.renew(session, at)?.cookieValue ?? cookie;
      at += 30_000;
    }
    expect(at).toBeGreaterThanOrEqual(now + 10 * 60_000);
    expect(at).toBeLessThanOrEqual(now + 10 * 60_000 + 30_000);
    expect(codec.verify(cookie, now + 10 * 60_000)).toBeNull();
  });

  it('labels sessions for the audit without revealing the id', () => {
    const label = sessionLabel('some-session-id');
    expect(label).toMatch(/^[0-9a-f]{16}$/);
    expect(label).toBe(sessionLabel('some-session-id'));
    expect(label).not.toBe(sessionLabel('other-session-id'));
  });
});

describe('SessionRevocations', () => {
  it('remembers sign-outs, forgetting ended sessions first when full', () => {
    const revocations = new SessionRevocations(3);
    revocations.revoke('ended', 1000, 0);
    revocations.revoke('a', 10_000, 0);
    revocations.revoke('b', 10_000, 0);
    revocations.revoke('c', 10_000, 2000);
    expect(revocations.isRevoked('ended')).toBe(false);
    expect(['a', 'b', 'c'].every((id) => revocations.isRevoked(id))).toBe(true);
    revocations.revoke('d', 10_000, 3000);
    expect(revocations.size).toBe(3);
    expect(revocations.isRevoked('d')).toBe(true);
  });
});
