import { describe, expect, it } from 'vitest';
import { linkPrefillFromHash } from './link-prefill';

const KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

describe('linkPrefillFromHash', () => {
  it('takes a key id (any case) and an algorithm from the link', () => {
    expect(
      linkPrefillFromHash(`#/encrypt?key=${KEY.toUpperCase()}&algorithm=SYMMETRIC_DEFAULT`),
    ).toEqual({ keyId: KEY, algorithm: 'SYMMETRIC_DEFAULT' });
  });

  it('ignores a plaintext, a ciphertext and anything it does not know', () => {
    expect(
      linkPrefillFromHash(
        `#/encrypt?key=${KEY}&plain_text=secret&plainText=secret&cipher_text=QUJD&algorithm=ROT13`,
      ),
    ).toEqual({ keyId: KEY });
    expect(linkPrefillFromHash('#/encrypt?key=not-a-key')).toEqual({});
    expect(linkPrefillFromHash('#/encrypt')).toEqual({});
  });
});
