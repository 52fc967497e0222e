/**
 * The self-describing symmetric ciphertext, version 1 (all integers big-endian):
 *
 * | bytes | field                                                       |
 * |-------|-------------------------------------------------------------|
 * | 2     | magic `LK`                                                  |
 * | 1     | format version (1)                                          |
 * | 1     | algorithm (1 = AES-256-GCM, 2 = SM4-CTR + HMAC-SM3)        |
 * | 36    | key id, ASCII                                               |
 * | 4     | key-material version (1, then one more per rotation)        |
 * | 32    | SHA-256 of the canonical associated data                    |
 * | 12/16 | IV (GCM 12, SM4-CTR 16)                                     |
 * | 16/32 | tag (GCM 16, HMAC-SM3 32)                                   |
 * | n     | ciphertext, as long as the plaintext                        |
 *
 * The 76-byte header makes even a 1-byte plaintext encode to at least 140 Base64 characters,
 * over the documented 128-character minimum of decrypt-data, and 4096 bytes stay under 5648.
 * The associated-data digest lets decrypt tell a wrong encryption context (KMS.0208) from a
 * damaged ciphertext (KMS.2201).
 */
import { KEY_ID_PATTERN } from '../../shared/kms';

export const ENVELOPE_MAGIC = Buffer.from('LK', 'ascii');
export const ENVELOPE_VERSION = 1;
/** The version of a key's first material; ciphertexts made before rotation existed name it. */
export const KEY_VERSION = 1;
const KEY_ID_LENGTH = 36;
const DIGEST_LENGTH = 32;
export const HEADER_LENGTH = 2 + 1 + 1 + KEY_ID_LENGTH + 4 + DIGEST_LENGTH;

export const SYMMETRIC_ALGORITHMS = {
  'AES-256-GCM': { id: 1, ivLength: 12, tagLength: 16 },
  'SM4-CTR-HMAC-SM3': { id: 2, ivLength: 16, tagLength: 32 },
} as const;
export type SymmetricAlgorithm = keyof typeof SYMMETRIC_ALGORITHMS;

function isSymmetricAlgorithm(name: string): name is SymmetricAlgorithm {
  return Object.hasOwn(SYMMETRIC_ALGORITHMS, name);
}

/** The algorithm an envelope (or data-key blob) names by its id byte. */
export function algorithmById(id: number): SymmetricAlgorithm | undefined {
  return Object.keys(SYMMETRIC_ALGORITHMS)
    .filter(isSymmetricAlgorithm)
    .find((name) => SYMMETRIC_ALGORITHMS[name].id === id);
}

export interface EnvelopeHeader {
  algorithm: SymmetricAlgorithm;
  keyId: string;
  keyVersion: number;
  associatedDataDigest: Buffer;
}

export interface Envelope {
  header: EnvelopeHeader;
  /** The header exactly as sent: authenticated along with the associated data. */
  headerBytes: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * What tells one sealed format from another: the magic and version in front of the shared
 * header fields, and how many bytes must follow the tag at the least.
 */
export interface SealedFraming {
  magic: Buffer;
  version: number;
  minimumTrailing: number;
}

/** encrypt-data's ciphertext: at least one byte of ciphertext after the tag. */
const ENVELOPE_FRAMING: SealedFraming = {
  magic: ENVELOPE_MAGIC,
  version: ENVELOPE_VERSION,
  minimumTrailing: 1,
};

export function encodeSealedHeader(framing: SealedFraming, header: EnvelopeHeader): Buffer {
  const bytes = Buffer.alloc(HEADER_LENGTH);
  framing.magic.copy(bytes, 0);
  bytes[2] = framing.version;
  bytes[3] = SYMMETRIC_ALGORITHMS[header.algorithm].id;
  bytes.write(header.keyId, 4, KEY_ID_LENGTH, 'ascii');
  bytes.writeUInt32BE(header.keyVersion, 4 + KEY_ID_LENGTH);
  header.associatedDataDigest.copy(bytes, 8 + KEY_ID_LENGTH);
  return bytes;
}

/** Parses the framing only; null for anything that is not `framing`'s format. */
export function parseSealed(framing: SealedFraming, bytes: Buffer): Envelope | null {
  if (bytes.length < HEADER_LENGTH) return null;
  if (!bytes.subarray(0, 2).equals(framing.magic) || bytes[2] !== framing.version) return null;
  const algorithm = algorithmById(bytes[3]!);
  if (!algorithm) return null;
  const keyId = bytes.toString('latin1', 4, 4 + KEY_ID_LENGTH);
  if (!KEY_ID_PATTERN.test(keyId)) return null;
  const { ivLength, tagLength } = SYMMETRIC_ALGORITHMS[algorithm];
  const bodyStart = HEADER_LENGTH;
  if (bytes.length < bodyStart + ivLength + tagLength + framing.minimumTrailing) return null;
  return {
    header: {
      algorithm,
      keyId,
      keyVersion: bytes.readUInt32BE(4 + KEY_ID_LENGTH),
      associatedDataDigest: bytes.subarray(8 + KEY_ID_LENGTH, HEADER_LENGTH),
    },
    headerBytes: bytes.subarray(0, HEADER_LENGTH),
    iv: bytes.subarray(bodyStart, bodyStart + ivLength),
    tag: bytes.subarray(bodyStart + ivLength, bodyStart + ivLength + tagLength),
    ciphertext: bytes.subarray(bodyStart + ivLength + tagLength),
  };
}

export function encodeHeader(header: EnvelopeHeader): Buffer {
  return encodeSealedHeader(ENVELOPE_FRAMING, header);
}

export function encodeEnvelope(parts: Omit<Envelope, 'header'>): Buffer {
  return Buffer.concat([parts.headerBytes, parts.iv, parts.tag, parts.ciphertext]);
}

/** Parses the framing only; returns null for anything that is not a version-1 envelope. */
export function parseEnvelope(bytes: Buffer): Envelope | null {
  return parseSealed(ENVELOPE_FRAMING, bytes);
}
