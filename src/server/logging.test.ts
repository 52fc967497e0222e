import { describe, expect, it } from 'vitest';
import { REDACTED, scrubSecrets } from './logging';

describe('scrubSecrets', () => {
  it('replaces secret-bearing fields at any depth, whatever their case', () => {
    const scrubbed = scrubSecrets({
      operation: 'encrypt-data',
      a: { b: { c: { d: { Plain_Text: 'deep secret', keep: 'visible' } } } },
      list: [{ access_token: 't' }, 'plain string'],
      Authorization: 'SDK-HMAC-SHA256 …',
    });
    expect(scrubbed).toEqual({
      operation: 'encrypt-data',
      a: { b: { c: { d: { Plain_Text: REDACTED, keep: 'visible' } } } },
      list: [{ access_token: REDACTED }, 'plain string'],
      Authorization: REDACTED,
    });
    expect(JSON.stringify(scrubbed)).not.toContain('deep secret');
  });

  it('drops whole bodies, headers and auth blocks', () => {
    expect(scrubSecrets({ body: { key_id: 'k' }, headers: {}, auth: { kind: 'aksk' } })).toEqual({
      body: REDACTED,
      headers: REDACTED,
      auth: REDACTED,
    });
  });

  it('leaves the logged object itself unchanged', () => {
    const logged = { nested: { password: 'p' } };
    scrubSecrets(logged);
    expect(logged.nested.password).toBe('p');
  });

  it('passes errors through to their serializer and stops at cycles', () => {
    const error = new Error('upstream timed out');
    expect((scrubSecrets({ err: error }) as { err: unknown }).err).toBe(error);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(JSON.stringify(scrubSecrets(cyclic))).toContain(REDACTED);
  });
});
