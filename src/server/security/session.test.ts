import { describe, expect, it } from 'vitest';
import { SessionCodec, sessionLabel } from './session';

const TOKEN = 'console-access-token-0123456789';

describe('SessionCodec', () => {
  const codec = new SessionCodec(TOKEN, 60_000);

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
    expect(codec.verify(session.cookieValue, now)).toBe(session.sessionId);
    expect(codec.verify(session.cookieValue, now + 59_000)).toBe(session.sessionId);
    expect(codec.verify(session.cookieValue, now + 60_000)).toBeNull();
  });

  it('refuses tampered, malformed and foreign cookies', () => {
    const now = 1_700_000_000_000;
    const { cookieValue } = codec.issue(now);
    const [version, id, expiry, mac] = cookieValue.split('.') as [string, string, string, string];
    expect(codec.verify(`${version}.${id}.${Number(expiry) + 1}.${mac}`, now)).toBeNull();
    expect(codec.verify(`${version}.${id}x.${expiry}.${mac}`, now)).toBeNull();
    expect(codec.verify(`v2.${id}.${expiry}.${mac}`, now)).toBeNull();
    for (const junk of [undefined, '', '...', 'a.b.c.d', 'x'.repeat(500)]) {
      expect(codec.verify(junk, now)).toBeNull();
    }
    const other = new SessionCodec('another-access-token-0123456789', 60_000);
    expect(other.verify(cookieValue, now)).toBeNull();
  });

  it('labels sessions for the audit without revealing the id', () => {
    const label = sessionLabel('some-session-id');
    expect(label).toMatch(/^[0-9a-f]{16}$/);
    expect(label).toBe(sessionLabel('some-session-id'));
    expect(label).not.toBe(sessionLabel('other-session-id'));
  });
});
