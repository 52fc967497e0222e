import { createHash } from 'node:crypto';
import { KmsError } from '../../shared/kms';
import type { EnvelopeHeader as SymmetricHeader } from './envelope';

/**
 * The bytes that bind a ciphertext to its encryption context and additional authenticated
 * data: `[<context as JSON with keys sorted>, <aad as a JSON string>]` in UTF-8.
 *
 * The context JSON is written by hand because `JSON.stringify` puts integer-like keys ("2",
 * "10") first whatever the insertion order. An absent context and `{}` are the same, and so
 * are an absent and an empty `additional_authenticated_data`.
 */
export function canonicalAssociatedData(
  encryptionContext: Record<string, string> | undefined,
  additionalAuthenticatedData: string | undefined,
): Buffer {
  const entries = Object.entries(encryptionContext ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const contextJson = `{${entries
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(',')}}`;
  return Buffer.from(
    `[${contextJson},${JSON.stringify(additionalAuthenticatedData ?? '')}]`,
    'utf8',
  );
}

export function hasAssociatedData(
  encryptionContext: Record<string, string> | undefined,
  additionalAuthenticatedData: string | undefined,
): boolean {
  return (
    Object.keys(encryptionContext ?? {}).length > 0 || (additionalAuthenticatedData ?? '') !== ''
  );
}

export function associatedDataDigest(canonical: Buffer): Buffer {
  return createHash('sha256').update(canonical).digest();
}

/** What a request says a sealed ciphertext was made for. */
export interface SealedFor {
  keyId: string;
  encryptionContext: Record<string, string> | undefined;
  additionalAuthenticatedData: string | undefined;
}

/** What to say when a ciphertext is not this key's kind, or not for this context and AAD. */
export interface SealedRefusals {
  foreign: string;
  mismatch: string;
}

/**
 * Checks a sealed ciphertext against the request before any decryption is tried, so another
 * kind's or another key's ciphertext (KMS.2201) or a wrong context or AAD (KMS.0208) is named
 * as such rather than as damage. Answers it, known
 * to be there, and the canonical associated data to open it with.
 */
export function associatedDataFor<Sealed extends { header: SymmetricHeader }>(
  sealed: Sealed | null | undefined,
  algorithm: SymmetricHeader['algorithm'],
  request: SealedFor,
  refusals: SealedRefusals,
): { sealed: Sealed; canonical: Buffer } {
  if (!sealed || sealed.header.algorithm !== algorithm) {
    throw new KmsError('KMS.2201', refusals.foreign);
  }
  if (sealed.header.keyId !== request.keyId) {
    throw new KmsError('KMS.2201', 'cipher_text was made with another key.');
  }
  const canonical = canonicalAssociatedData(
    request.encryptionContext,
    request.additionalAuthenticatedData,
  );
  if (!associatedDataDigest(canonical).equals(sealed.header.associatedDataDigest)) {
    throw new KmsError('KMS.0208', refusals.mismatch);
  }
  return { sealed, canonical };
}
