import type { HistoryEntry } from './history-entry';

/** What a history card shows, whether the record is this browser's or the team's. */
export interface RecordView {
  title: string;
  createdAt: string;
  /** Who made it (team history only). */
  actor?: string;
  keySpec?: string | null;
  algorithm: string;
  keyId: string;
  /** After the key id, e.g. the alias when the title is a label. */
  keyNote?: string;
  encryptionContext: Readonly<Record<string, string>>;
  /** A text encryption's ciphertext; a file encryption has `file` instead. */
  cipherText?: string;
  file?: { name: string; size: number; fingerprint: string };
}

/** A card's view of an entry: titled by its label, else its key's alias, else `unlisted`. */
export function entryView(entry: HistoryEntry, unlisted: string): RecordView {
  return {
    title: entry.label ?? entry.keyAlias ?? unlisted,
    createdAt: entry.createdAt,
    keySpec: entry.keySpec,
    algorithm: entry.algorithm,
    keyId: entry.keyId,
    encryptionContext: entry.encryptionContext,
    ...(entry.cipherText !== undefined ? { cipherText: entry.cipherText } : {}),
    ...(entry.file ? { file: entry.file } : {}),
  };
}
