import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdInCipherText } from './decrypt-prefill';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

/** A version-1 local KMS envelope around real AES-256-GCM output (the layout of envelope.ts). */
function localEnvelope(keyId: string): string {
  const header = Buffer.alloc(76);
  header.write('LK', 0, 'ascii');
  header[2] = 1;
  header[3] = 1;
  header.write(keyId, 4, 36, 'ascii');
  header.writeUInt32BE(1, 40);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', randomBytes(32), iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update('hello'), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Huawei Cloud's framing: 02 00, the length up to the key id's end, body, key id, 4 + 32. */
function cloudCipherText(keyId: string, bodyLength: number): string {
  const length = 4 + bodyLength + 36;
  const bytes = Buffer.concat([
    Buffer.from([0x02, 0x00, length & 0xff, length >> 8]),
    randomBytes(bodyLength),
    Buffer.from(keyId, 'ascii'),
    Buffer.alloc(4),
    randomBytes(32),
  ]);
  return bytes.toString('base64');
}

describe('keyIdInCipherText', () => {
  it('reads the key id of a local KMS ciphertext', () => {
    expect(keyIdInCipherText(localEnvelope(KEY_ID))).toBe(KEY_ID);
  });

  it('reads the key id of a Huawei Cloud ciphertext, after a body of any length', () => {
    expect(keyIdInCipherText(cloudCipherText(KEY_ID, 112))).toBe(KEY_ID);
    expect(keyIdInCipherText(cloudCipherText(KEY_ID, 192))).toBe(KEY_ID);
  });

  it('finds nothing in asymmetric ciphertext, a bad header or text that is not Base64', () => {
    expect(keyIdInCipherText(randomBytes(256).toString('base64').replace(/^../, 'QU'))).toBe(
      undefined,
    );
    expect(keyIdInCipherText(localEnvelope('not-a-key-id-not-a-key-id-not-a-key!'))).toBe(
      undefined,
    );
    expect(keyIdInCipherText('not base64!')).toBeUndefined();
    expect(keyIdInCipherText('')).toBeUndefined();
  });
});
