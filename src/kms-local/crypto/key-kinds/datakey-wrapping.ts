/**
 * How a symmetric kind wraps data keys (KMS-API-2.md §2): the DEK and its digest sealed with
 * the kind's own authenticated cipher into the DEK ciphertext of datakey-blob.ts, with the
 * encryption context and AAD bound. The digest is SHA-256 for AES CMKs and SM3 for SM4 CMKs,
 * as encrypt-datakey's plain_text carries it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { KmsError } from '../../../shared/kms';
import {
  associatedDataDigest,
  associatedDataFor,
  canonicalAssociatedData,
} from '../associated-data';
import { dataKeyBlobLength, encodeDataKeyHeader, parseDataKeyBlob } from '../datakey-blob';
import { SYMMETRIC_ALGORITHMS } from '../envelope';
import { freshRandomBytes } from '../random-pool';
import type { SymmetricCipher } from '../symmetric-envelope';

export interface WrapDataKeyRequest {
  keyId: string;
  dek: Buffer;
  encryptionContext: Record<string, string> | undefined;
  additionalAuthenticatedData: string | undefined;
}

export interface UnwrapDataKeyRequest {
  keyId: string;
  blob: Buffer;
  /** datakey_cipher_length: the DEK's byte count the caller expects. */
  dekLength: number;
  encryptionContext: Record<string, string> | undefined;
  additionalAuthenticatedData: string | undefined;
}

/** The data-key operations of one CMK; the service's refusals thrown as KmsErrors. */
export interface KeyDataKeys {
  /** The digest encrypt-datakey's plain_text carries after the DEK. */
  digest(dek: Buffer): Buffer;
  wrap(request: WrapDataKeyRequest): Buffer;
  unwrap(request: UnwrapDataKeyRequest): Buffer;
}

export type DataKeyDigest = 'sha256' | 'sm3';

const hashFailure = () => new KmsError('KMS.2203', 'Failed to verify the DEK hash.');

export function dataKeyWrapping<M>(
  cipher: SymmetricCipher<M>,
  digestAlgorithm: DataKeyDigest,
): (material: M, materialVersion: number) => KeyDataKeys {
  const digest = (dek: Buffer) => createHash(digestAlgorithm).update(dek).digest();
  return (material, materialVersion) => ({
    digest,

    wrap(request) {
      const canonical = canonicalAssociatedData(
        request.encryptionContext,
        request.additionalAuthenticatedData,
      );
      const headerBytes = encodeDataKeyHeader({
        algorithm: cipher.algorithm,
        keyId: request.keyId,
        keyVersion: materialVersion,
        associatedDataDigest: associatedDataDigest(canonical),
      });
      const iv = freshRandomBytes(SYMMETRIC_ALGORITHMS[cipher.algorithm].ivLength);
      const sealed = Buffer.concat([request.dek, digest(request.dek)]);
      const { tag, ciphertext } = cipher.seal(material, iv, headerBytes, sealed, canonical);
      return Buffer.concat([headerBytes, iv, tag, ciphertext]);
    },

    unwrap(request) {
      const blob = parseDataKeyBlob(request.blob);
      const { sealed, canonical } = associatedDataFor(blob, cipher.algorithm, request, {
        foreign: 'cipher_text is not a DEK ciphertext of this key.',
        mismatch: 'The encryption context or AAD does not match the one the DEK was wrapped with.',
      });
      if (request.blob.length !== dataKeyBlobLength(cipher.algorithm, request.dekLength)) {
        throw new KmsError('KMS.2204');
      }
      const opened = cipher.open(material, sealed, canonical);
      if (!opened) throw hashFailure();
      const dek = opened.subarray(0, request.dekLength);
      const carried = opened.subarray(request.dekLength);
      const expected = digest(dek);
      if (carried.length !== expected.length || !timingSafeEqual(carried, expected)) {
        throw hashFailure();
      }
      return Buffer.from(dek);
    },
  });
}
