import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { COMMIT_KEY_LENGTH, TAG_LENGTH } from '../shared/envelope/constants';
import {
  checkDataKeyLength,
  COMMIT_KEY_INFO,
  DERIVE_KEY_INFO,
  type ContentCipher,
  type DeriveMessageKeys,
} from '../shared/envelope/keys';

const AES_256_GCM = 'aes-256-gcm';
const CONTENT_KEY_LENGTH = 32;

/**
 * node:crypto (OpenSSL) under a raw content key: on the command line nobody else's code runs
 * in the process, and a synchronous cipher call per frame costs less than WebCrypto's hand-off
 * to a thread and back. Decryption releases a frame only after final() checked its tag.
 */
function nodeCipher(key: Buffer, usage: 'encrypt' | 'decrypt'): ContentCipher {
  return {
    // The work is done by the time seal() or open() returns: waiting frames would only hold
    // memory (and let Buffers live long enough to need full garbage collections).
    framesInFlight: 1,
    seal(iv, aad, plaintext) {
      if (usage !== 'encrypt') return Promise.reject(new TypeError('A decrypting key.'));
      const cipher = createCipheriv(AES_256_GCM, key, iv, { authTagLength: TAG_LENGTH });
      cipher.setAAD(aad);
      const ciphertext = cipher.update(plaintext);
      cipher.final();
      return Promise.resolve([ciphertext, cipher.getAuthTag()]);
    },
    open(iv, aad, sealed) {
      if (usage !== 'decrypt') return Promise.reject(new TypeError('An encrypting key.'));
      try {
        const tagStart = sealed.length - TAG_LENGTH;
        if (tagStart < 0) throw new RangeError('Shorter than a tag.');
        const decipher = createDecipheriv(AES_256_GCM, key, iv, { authTagLength: TAG_LENGTH });
        decipher.setAAD(aad);
        decipher.setAuthTag(sealed.subarray(tagStart));
        const plaintext = decipher.update(sealed.subarray(0, tagStart));
        try {
          decipher.final();
        } catch (error) {
          plaintext.fill(0);
          throw error;
        }
        return Promise.resolve(plaintext);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
  };
}

/** The same HKDF-SHA512 derivation as the WebCrypto default, into raw bytes. */
export const deriveNodeKeys: DeriveMessageKeys = (dataKey, messageId, usage) => {
  try {
    checkDataKeyLength(dataKey);
    const derive = (info: Uint8Array, length: number) =>
      Buffer.from(hkdfSync('sha512', dataKey, messageId, info, length));
    return Promise.resolve({
      cipher: nodeCipher(derive(DERIVE_KEY_INFO, CONTENT_KEY_LENGTH), usage),
      commitKey: new Uint8Array(derive(COMMIT_KEY_INFO, COMMIT_KEY_LENGTH)),
    });
  } catch (error) {
    return Promise.reject(error as Error);
  } finally {
    dataKey.fill(0);
  }
};
