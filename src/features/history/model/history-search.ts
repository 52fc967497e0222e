import type { HistoryEntry } from './history-entry';

/** How much of a ciphertext search sees: its beginning is what an operator pastes or reads. */
export const CIPHER_TEXT_PREFIX_CHARS = 64;

/**
 * The text an entry is found by: label, key id, alias, spec, algorithm, context keys and
 * values, its date (UTC, as `2025-03-14` and the full time) and its ciphertext's beginning —
 * as the team history's server-side search does.
 */
export function searchTextOf(entry: HistoryEntry): string {
  return [
    entry.label ?? '',
    entry.keyId,
    entry.keyAlias ?? '',
    entry.keySpec ?? '',
    entry.algorithm,
    ...Object.entries(entry.encryptionContext).flat(),
    entry.createdAt,
    (entry.cipherText ?? '').slice(0, CIPHER_TEXT_PREFIX_CHARS),
    entry.file?.name ?? '',
  ]
    .join(' ')
    .toLowerCase();
}

/** Keeps the entries whose search text holds every word of the query, ignoring case. */
export function searchHistory(
  entries: readonly HistoryEntry[],
  query: string,
): readonly HistoryEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = searchTextOf(entry);
    return words.every((word) => haystack.includes(word));
  });
}

export const PAGE_SIZE = 20;

export function pageOf<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): T[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return items.slice((current - 1) * size, current * size);
}
