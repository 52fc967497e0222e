import type { HistoryEntry } from './history-entry';

/** Filters by key id, alias or algorithm (and spec), case-insensitively; all words must match. */
export function searchHistory(
  entries: readonly HistoryEntry[],
  query: string,
): readonly HistoryEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return entries;
  return entries.filter((entry) => {
    const haystack = [entry.keyId, entry.keyAlias ?? '', entry.algorithm, entry.keySpec ?? '']
      .join(' ')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export const PAGE_SIZE = 20;

export function pageOf<T>(items: readonly T[], page: number, size: number = PAGE_SIZE): T[] {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, page), pages);
  return items.slice((current - 1) * size, current * size);
}
