/** Checks and wire forms the key-management operations (names, tags, rotation, grants) share. */
import { KmsError } from '../../shared/kms';
import type { KeyMetadata } from '../keystore/stored-key';

/** A key pending deletion takes no new names, tags, grants or rotation settings. */
export function requireNotPendingDeletion(key: Pick<KeyMetadata, 'state'>): void {
  if (key.state === '4') throw new KmsError('KMS.0210');
}

/** Milliseconds as the cloud writes key and grant dates: a decimal string. */
export function millisText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** ISO-8601 without fractions, as the alias records show it: `2024-04-01T00:00:00Z`. */
export function isoText(millis: number): string {
  return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A page of `items` from a numeric marker, in the list-keys / list-grants wire shape. */
export function offsetPage<T>(items: readonly T[], marker: number, limit: number) {
  const page = items.slice(marker, marker + limit);
  const end = marker + page.length;
  const truncated = end < items.length;
  return {
    page,
    next_marker: truncated ? String(end) : '',
    truncated: truncated ? ('true' as const) : ('false' as const),
  };
}
