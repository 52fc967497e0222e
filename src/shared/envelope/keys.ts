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

const DERIVE_KEY_INFO = concatBytes(uint16BE(SUITE_ID), utf8(DERIVE_KEY_LABEL));
const COMMIT_KEY_INFO = utf8(COMMIT_KEY_LABEL);
/** Format 2.0 authenticates the header under an all-zero IV; frames start at IV 1. */
const HEADER_IV = new Uint8Array(IV_LENGTH);

export interface MessageKeys {
  /** The derived AES-256-GCM key: non-extractable, for one direction only. */
  readonly contentKey: CryptoKey;
  /** HKDF(data key, message id, "COMMITKEY"): public, it goes into the header. */
  readonly commitKey: Uint8Array;
}

/**
 * Derives the content key and the commitment from the plaintext data key, then wipes the data
 * key: from here on it only exists inside non-extractable CryptoKeys.
 */
export async function deriveMessageKeys(
  dataKey: Uint8Array,
  messageId: Uint8Array,
  usage: 'encrypt' | 'decrypt',
): Promise<MessageKeys> {
  try {
    if (dataKey.length !== DATA_KEY_LENGTH) {
      throw new EnvelopeError('invalid-input', `A data key must be ${DATA_KEY_LENGTH} bytes.`);
    }
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

export function checkCommitment(derived: Uint8Array, stored: Uint8Array): void {
  if (!constantTimeEqual(derived, stored)) {
    throw new EnvelopeError(
      'commitment-mismatch',
      'The data key does not match the commitment in the header.',
    );
  }
}

export async function computeHeaderTag(
  contentKey: CryptoKey,
  headerBody: Uint8Array,
): Promise<Uint8Array> {
  const tag = await subtle().encrypt(
    {
      name: 'AES-GCM',
      iv: asBufferSource(HEADER_IV),
      additionalData: asBufferSource(headerBody),
      tagLength: TAG_LENGTH * 8,
    },
    contentKey,
    new Uint8Array(0),
  );
  return new Uint8Array(tag);
}

export async function verifyHeaderTag(
  contentKey: CryptoKey,
  headerBody: Uint8Array,
  tag: Uint8Array,
): Promise<void> {
  try {
    await subtle().decrypt(
      {
        name: 'AES-GCM',
        iv: asBufferSource(HEADER_IV),
        additionalData: asBufferSource(headerBody),
        tagLength: TAG_LENGTH * 8,
      },
      contentKey,
      asBufferSource(tag),
    );
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
