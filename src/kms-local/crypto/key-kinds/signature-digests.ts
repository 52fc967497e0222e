/**
 * What every signing kind shares: which algorithms a spec takes (KMS.0332 otherwise), and the
 * digest an algorithm signs, taken as given (message_type DIGEST, length-checked: KMS.0329) or
 * computed from the raw message (RAW).
 */
import { createHash } from 'node:crypto';
import { KmsError, type KeySpec, type SigningAlgorithm } from '../../../shared/kms';
import type { SignatureRequest } from './kind';

export type DigestName = 'sha256' | 'sha384' | 'sha512' | 'sm3';

export const DIGEST_BYTES: Record<DigestName, number> = {
  sha256: 32,
  sha384: 48,
  sha512: 64,
  sm3: 32,
};

export function requireSigningAlgorithm<T extends Partial<Record<SigningAlgorithm, unknown>>>(
  spec: KeySpec,
  algorithm: SigningAlgorithm,
  table: T,
): keyof T & SigningAlgorithm {
  if (!Object.hasOwn(table, algorithm)) {
    const allowed = Object.keys(table).join(', ');
    throw new KmsError('KMS.0332', `A ${spec} key signs with ${allowed}, not ${algorithm}.`);
  }
  return algorithm;
}

/** The digest to sign: the message itself under DIGEST, its hash under RAW. */
export function messageDigest(request: SignatureRequest, digest: DigestName): Buffer {
  if (request.messageType === 'RAW') return createHash(digest).update(request.message).digest();
  const expected = DIGEST_BYTES[digest];
  if (request.message.length !== expected) {
    throw new KmsError(
      'KMS.0329',
      `${request.algorithm} with message_type DIGEST takes a ${expected}-byte digest; got ${request.message.length} bytes.`,
    );
  }
  return request.message;
}
