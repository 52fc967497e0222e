import { createHash } from 'node:crypto';

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
