/**
 * The local KMS's DEK ciphertext (the `cipher_text` of the data-key operations, sent as hex),
 * version 1, all integers big-endian:
 *
 * | bytes | field                                                        |
 * |-------|--------------------------------------------------------------|
 * | 2     | magic `LD`                                                   |
 * | 1     | format version (1)                                           |
 * | 1     | algorithm (the ids of envelope.ts: 1 AES-256-GCM, 2 SM4)     |
 * | 36    | key id of the CMK, ASCII                                     |
 * | 4     | key-material version (1, then one more per rotation)         |
 * | 32    | SHA-256 of the canonical associated data                     |
 * | 12/16 | IV                                                           |
 * | 16/32 | tag                                                          |
 * | n+32  | sealed DEK ‖ digest (SHA-256 for AES CMKs, SM3 for SM4)      |
 *
 * The same fields as the data envelope of envelope.ts, under another magic: the header is
 * authenticated, so a DEK ciphertext never opens as encrypt-data's ciphertext, nor the reverse.
 */
import {
  encodeSealedHeader,
  HEADER_LENGTH,
  parseSealed,
  SYMMETRIC_ALGORITHMS,
  type Envelope,
  type EnvelopeHeader,
  type SealedFraming,
} from './envelope';

const DIGEST_LENGTH = 32;
/** The sealed DEK is never empty, and its digest follows it. */
const DATA_KEY_FRAMING: SealedFraming = {
  magic: Buffer.from('LD', 'ascii'),
  version: 1,
  minimumTrailing: DIGEST_LENGTH + 1,
};

export function encodeDataKeyHeader(header: EnvelopeHeader): Buffer {
  return encodeSealedHeader(DATA_KEY_FRAMING, header);
}

/** Bytes of a blob that seals a DEK of `dekLength` bytes with `algorithm`. */
export function dataKeyBlobLength(algorithm: EnvelopeHeader['algorithm'], dekLength: number) {
  const { ivLength, tagLength } = SYMMETRIC_ALGORITHMS[algorithm];
  return HEADER_LENGTH + ivLength + tagLength + dekLength + DIGEST_LENGTH;
}

/** Parses the framing only; null for anything that is not a version-1 DEK ciphertext. */
export function parseDataKeyBlob(bytes: Buffer): Envelope | null {
  return parseSealed(DATA_KEY_FRAMING, bytes);
}
