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
import { KEY_ID_PATTERN } from '../../shared/kms';
import {
  algorithmById,
  SYMMETRIC_ALGORITHMS,
  type Envelope,
  type EnvelopeHeader,
} from './envelope';

export const DATA_KEY_BLOB_MAGIC = Buffer.from('LD', 'ascii');
export const DATA_KEY_BLOB_VERSION = 1;
const KEY_ID_LENGTH = 36;
const DIGEST_LENGTH = 32;
export const DATA_KEY_HEADER_LENGTH = 2 + 1 + 1 + KEY_ID_LENGTH + 4 + DIGEST_LENGTH;

export function encodeDataKeyHeader(header: EnvelopeHeader): Buffer {
  const bytes = Buffer.alloc(DATA_KEY_HEADER_LENGTH);
  DATA_KEY_BLOB_MAGIC.copy(bytes, 0);
  bytes[2] = DATA_KEY_BLOB_VERSION;
  bytes[3] = SYMMETRIC_ALGORITHMS[header.algorithm].id;
  bytes.write(header.keyId, 4, KEY_ID_LENGTH, 'ascii');
  bytes.writeUInt32BE(header.keyVersion, 4 + KEY_ID_LENGTH);
  header.associatedDataDigest.copy(bytes, 8 + KEY_ID_LENGTH);
  return bytes;
}

/** Bytes of a blob that seals a DEK of `dekLength` bytes with `algorithm`. */
export function dataKeyBlobLength(algorithm: EnvelopeHeader['algorithm'], dekLength: number) {
  const { ivLength, tagLength } = SYMMETRIC_ALGORITHMS[algorithm];
  return DATA_KEY_HEADER_LENGTH + ivLength + tagLength + dekLength + DIGEST_LENGTH;
}

/** Parses the framing only; null for anything that is not a version-1 DEK ciphertext. */
export function parseDataKeyBlob(bytes: Buffer): Envelope | null {
  if (bytes.length < DATA_KEY_HEADER_LENGTH) return null;
  if (!bytes.subarray(0, 2).equals(DATA_KEY_BLOB_MAGIC)) return null;
  if (bytes[2] !== DATA_KEY_BLOB_VERSION) return null;
  const algorithm = algorithmById(bytes[3]!);
  if (!algorithm) return null;
  const keyId = bytes.toString('latin1', 4, 4 + KEY_ID_LENGTH);
  if (!KEY_ID_PATTERN.test(keyId)) return null;
  const { ivLength, tagLength } = SYMMETRIC_ALGORITHMS[algorithm];
  const bodyStart = DATA_KEY_HEADER_LENGTH;
  if (bytes.length < bodyStart + ivLength + tagLength + DIGEST_LENGTH + 1) return null;
  return {
    header: {
      algorithm,
      keyId,
      keyVersion: bytes.readUInt32BE(4 + KEY_ID_LENGTH),
      associatedDataDigest: bytes.subarray(8 + KEY_ID_LENGTH, DATA_KEY_HEADER_LENGTH),
    },
    headerBytes: bytes.subarray(0, DATA_KEY_HEADER_LENGTH),
    iv: bytes.subarray(bodyStart, bodyStart + ivLength),
    tag: bytes.subarray(bodyStart + ivLength, bodyStart + ivLength + tagLength),
    ciphertext: bytes.subarray(bodyStart + ivLength + tagLength),
  };
}
