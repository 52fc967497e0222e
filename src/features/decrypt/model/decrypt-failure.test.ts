import { describe, expect, it } from 'vitest';
import { decryptFailureCause } from './decrypt-failure';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
/** The first bytes of a local KMS envelope naming KEY_ID, then filler: enough to name a key. */
const SYMMETRIC = Buffer.concat([
  Buffer.from([0x4c, 0x4b, 1, 1]),
  Buffer.from(KEY_ID, 'ascii'),
  Buffer.alloc(80, 7),
]).toString('base64');
const ANONYMOUS = Buffer.alloc(256, 9).toString('base64');

describe('decryptFailureCause', () => {
  it('names asymmetric ciphertext sent without its key', () => {
    expect(decryptFailureCause({ cipher_text: ANONYMOUS }, 'KMS.2201')).toBe(
      'asymmetricWithoutKey',
    );
    expect(decryptFailureCause({ cipher_text: ANONYMOUS, key_id: KEY_ID }, 'KMS.0311')).toBe(
      'generic',
    );
  });

  it('tells a missing context from a different one', () => {
    expect(decryptFailureCause({ cipher_text: SYMMETRIC }, 'KMS.0208')).toBe('missingContext');
    expect(
      decryptFailureCause({ cipher_text: SYMMETRIC, encryption_context: { a: 'b' } }, 'KMS.0208'),
    ).toBe('contextDiffers');
  });

  it('stays generic for what the request does not explain', () => {
    expect(decryptFailureCause({ cipher_text: SYMMETRIC }, 'KMS.2201')).toBe('generic');
    expect(decryptFailureCause({ cipher_text: ANONYMOUS }, 'CLIENT.NETWORK')).toBe('generic');
    expect(decryptFailureCause({ cipher_text: ANONYMOUS }, undefined)).toBe('generic');
  });
});
