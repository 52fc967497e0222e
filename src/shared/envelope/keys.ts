import { asBufferSource, concatBytes, constantTimeEqual, uint16BE, utf8 } from './bytes';
import {
  COMMIT_KEY_LABEL,
  COMMIT_KEY_LENGTH,
  DATA_KEY_LENGTH,
  DERIVE_KEY_LABEL,
  IV_LENGTH,
  SUITE_ID,
  TAG_LENGTH,
} from './constants';
import { EnvelopeError } from './errors';

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;

/** HKDF info of the content key and of the commitment: also what another backend derives with. */
export const DERIVE_KEY_INFO = concatBytes(uint16BE(SUITE_ID), utf8(DERIVE_KEY_LABEL));
export const COMMIT_KEY_INFO = utf8(COMMIT_KEY_LABEL);
/** Format 2.0 authenticates the header under an all-zero IV; frames start at IV 1. */
const HEADER_IV = new Uint8Array(IV_LENGTH);

/** AES-256-GCM under one message's content key, in one direction. */
export interface ContentCipher {
  /** Ciphertext then the 16-byte tag, in one or more parts (never copied together here). */
  seal(iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Promise<readonly Uint8Array[]>;
  /** The plaintext, only once the tag verified; rejects otherwise and releases nothing. */
  open(iv: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Promise<Uint8Array>;
  /** Frames worth sealing or opening at once (FRAMES_IN_FLIGHT unless said). */
  readonly framesInFlight?: number;
}

export interface MessageKeys {
  readonly cipher: ContentCipher;
  /** HKDF(data key, message id, "COMMITKEY"): public, it goes into the header. */
  readonly commitKey: Uint8Array;
}

/**
 * Turns the plaintext data key into the message's keys and wipes it. WebCrypto unless a
 * caller brings its own (the command line uses node:crypto, see src/cli/node-cipher.ts).
 */
export type DeriveMessageKeys = (
  dataKey: Uint8Array,
  messageId: Uint8Array,
  usage: 'encrypt' | 'decrypt',
) => Promise<MessageKeys>;

function gcmParams(iv: Uint8Array, aad: Uint8Array): AesGcmParams {
  return {
    name: 'AES-GCM',
    iv: asBufferSource(iv),
    additionalData: asBufferSource(aad),
    tagLength: TAG_LENGTH * 8,
  };
}

/** The content key as a non-extractable CryptoKey: its bytes never reach JavaScript. */
export function webCryptoCipher(contentKey: CryptoKey): ContentCipher {
  return {
    async seal(iv, aad, plaintext) {
      const sealed = await subtle().encrypt(
        gcmParams(iv, aad),
        contentKey,
        asBufferSource(plaintext),
      );
      return [new Uint8Array(sealed)];
    },
    async open(iv, aad, sealed) {
      const plaintext = await subtle().decrypt(
        gcmParams(iv, aad),
        contentKey,
        asBufferSource(sealed),
      );
      return new Uint8Array(plaintext);
    },
  };
}

export function checkDataKeyLength(dataKey: Uint8Array): void {
  if (dataKey.length !== DATA_KEY_LENGTH) {
    throw new EnvelopeError('invalid-input', `A data key must be ${DATA_KEY_LENGTH} bytes.`);
  }
}

/**
 * Derives the content key and the commitment from the plaintext data key, then wipes the data
 * key: from here on it only exists inside non-extractable CryptoKeys.
 */
export async function deriveContentKey(
  dataKey: Uint8Array,
  messageId: Uint8Array,
  usage: 'encrypt' | 'decrypt',
): Promise<{ contentKey: CryptoKey; commitKey: Uint8Array }> {
  try {
    checkDataKeyLength(dataKey);
    const keyMaterial = await subtle().importKey('raw', asBufferSource(dataKey), 'HKDF', false, [
      'deriveKey',
      'deriveBits',
    ]);
    const salt = asBufferSource(messageId);
    const [contentKey, commitBits] = await Promise.all([
      subtle().deriveKey(
        { name: 'HKDF', hash: 'SHA-512', salt, info: asBufferSource(DERIVE_KEY_INFO) },
        keyMaterial,
        { name: 'AES-GCM', length: 256 },
        false,
        [usage],
      ),
      subtle().deriveBits(
        { name: 'HKDF', hash: 'SHA-512', salt, info: asBufferSource(COMMIT_KEY_INFO) },
        keyMaterial,
        COMMIT_KEY_LENGTH * 8,
      ),
    ]);
    return { contentKey, commitKey: new Uint8Array(commitBits) };
  } finally {
    dataKey.fill(0);
  }
}

export const deriveWebCryptoKeys: DeriveMessageKeys = async (dataKey, messageId, usage) => {
  const { contentKey, commitKey } = await deriveContentKey(dataKey, messageId, usage);
  return { cipher: webCryptoCipher(contentKey), commitKey };
};

export function checkCommitment(derived: Uint8Array, stored: Uint8Array): void {
  if (!constantTimeEqual(derived, stored)) {
    throw new EnvelopeError(
      'commitment-mismatch',
      'The data key does not match the commitment in the header.',
    );
  }
}

export async function computeHeaderTag(
  cipher: ContentCipher,
  headerBody: Uint8Array,
): Promise<Uint8Array> {
  return concatBytes(...(await cipher.seal(HEADER_IV, headerBody, new Uint8Array(0))));
}

export async function verifyHeaderTag(
  cipher: ContentCipher,
  headerBody: Uint8Array,
  tag: Uint8Array,
): Promise<void> {
  try {
    await cipher.open(HEADER_IV, headerBody, tag);
  } catch (cause) {
    throw new EnvelopeError('header-changed', 'The envelope header was changed.', { cause });
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle().digest('SHA-256', asBufferSource(bytes)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
