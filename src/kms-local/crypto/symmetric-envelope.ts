/**
 * Authenticated symmetric encryption into the envelope of `envelope.ts`: the header and the
 * canonical associated data are authenticated with the ciphertext. Each symmetric kind brings
 * its cipher (key-kinds/aes.ts, key-kinds/sm4.ts).
 */
import { associatedDataDigest } from './associated-data';
import {
  encodeEnvelope,
  encodeHeader,
  KEY_VERSION,
  SYMMETRIC_ALGORITHMS,
  type Envelope,
  type SymmetricAlgorithm,
} from './envelope';
import { freshRandomBytes } from './random-pool';

export interface SymmetricCipher<M> {
  algorithm: SymmetricAlgorithm;
  seal(
    material: M,
    iv: Buffer,
    headerBytes: Buffer,
    plaintext: Buffer,
    canonicalAssociated: Buffer,
  ): { tag: Buffer; ciphertext: Buffer };
  /** The plaintext, or null when the ciphertext or associated data fail authentication. */
  open(material: M, envelope: Envelope, canonicalAssociated: Buffer): Buffer | null;
}

export function sealSymmetric<M>(
  cipher: SymmetricCipher<M>,
  material: M,
  keyId: string,
  plaintext: Buffer,
  canonicalAssociated: Buffer,
  materialVersion = KEY_VERSION,
): Buffer {
  const headerBytes = encodeHeader({
    algorithm: cipher.algorithm,
    keyId,
    keyVersion: materialVersion,
    associatedDataDigest: associatedDataDigest(canonicalAssociated),
  });
  const iv = freshRandomBytes(SYMMETRIC_ALGORITHMS[cipher.algorithm].ivLength);
  const { tag, ciphertext } = cipher.seal(
    material,
    iv,
    headerBytes,
    plaintext,
    canonicalAssociated,
  );
  return encodeEnvelope({ headerBytes, iv, tag, ciphertext });
}

export function openSymmetric<M>(
  cipher: SymmetricCipher<M>,
  material: M,
  envelope: Envelope,
  canonicalAssociated: Buffer,
): Buffer | null {
  return cipher.open(material, envelope, canonicalAssociated);
}
