import { z } from 'zod/mini';
import { localHistoryEntrySchema, type LocalHistoryEntry } from '../../../shared/console/history';

/**
 * One remembered encryption: what decrypting it will need, and nothing else. The object is
 * strict, so a field such as a plaintext can never ride along, whether from code or a file.
 * A text encryption holds its ciphertext; a file encryption (issue 11) holds the file's name,
 * size and envelope header fingerprint instead: never its content, never its data key.
 * Entries written before files existed (a ciphertext, no file) read as they always did. The
 * same schema checks the entries this browser sends to the team history's import.
 */
export const historyEntrySchema = localHistoryEntrySchema;
export type HistoryEntry = LocalHistoryEntry;

export const HISTORY_VERSION = 1;

/** The stored document: versioned, so a later format can migrate what this one wrote. */
export const historyDocumentSchema = z.object({
  version: z.number().check(z.int()),
  entries: z.array(z.unknown()),
});

function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  crypto.getRandomValues(values);
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain HTTP too. */
export function newEntryId(): string {
  return randomHex(16);
}

/** Newest first; ties broken by id so the order is stable. */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
