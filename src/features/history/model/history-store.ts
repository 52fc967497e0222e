import {
  compareEntries,
  HISTORY_VERSION,
  historyDocumentSchema,
  historyEntrySchema,
  type HistoryEntry,
} from './history-entry';

export const HISTORY_STORAGE_KEY = 'kms-console.history';
/** Where an unreadable store is moved, so a bad write never silently destroys data. */
export const HISTORY_BACKUP_KEY = 'kms-console.history.unreadable';
/** The issue asks for at least 1,000; localStorage holds that many of the largest entries. */
export const HISTORY_CAP = 1000;

export type HistoryWarning =
  | { kind: 'unreadable' }
  | { kind: 'newerVersion'; version: number }
  | { kind: 'skippedEntries'; count: number }
  | { kind: 'unavailable' };

export interface HistoryNotice {
  kind: 'trimmed';
  count: number;
}

export interface HistoryState {
  entries: readonly HistoryEntry[];
  warnings: readonly HistoryWarning[];
}

/**
 * Parses the stored text. Never throws: whatever is there, the page gets the entries that
 * can be read and a warning for what could not.
 */
export function parseHistory(raw: string | null): HistoryState {
  if (raw === null || raw === '') return { entries: [], warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { entries: [], warnings: [{ kind: 'unreadable' }] };
  }
  const document = historyDocumentSchema.safeParse(json);
  if (!document.success) return { entries: [], warnings: [{ kind: 'unreadable' }] };
  if (document.data.version > HISTORY_VERSION) {
    return { entries: [], warnings: [{ kind: 'newerVersion', version: document.data.version }] };
  }
  if (document.data.version < 1) return { entries: [], warnings: [{ kind: 'unreadable' }] };

  const entries: HistoryEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const candidate of document.data.entries) {
    const entry = historyEntrySchema.safeParse(candidate);
    if (entry.success && !seen.has(entry.data.id)) {
      seen.add(entry.data.id);
      entries.push(entry.data);
    } else {
      skipped += 1;
    }
  }
  entries.sort(compareEntries);
  return {
    entries,
    warnings: skipped > 0 ? [{ kind: 'skippedEntries', count: skipped }] : [],
  };
}

export function serializeHistory(entries: readonly HistoryEntry[]): string {
  return JSON.stringify({ version: HISTORY_VERSION, entries });
}

/** Merges by id (an entry already there wins), newest first, then applies the cap. */
export function mergeEntries(
  existing: readonly HistoryEntry[],
  incoming: readonly HistoryEntry[],
  cap: number = HISTORY_CAP,
): { entries: HistoryEntry[]; added: number; dropped: number } {
  const byId = new Map(existing.map((entry) => [entry.id, entry] as const));
  let added = 0;
  for (const entry of incoming) {
    if (!byId.has(entry.id)) {
      byId.set(entry.id, entry);
      added += 1;
    }
  }
  const all = [...byId.values()].sort(compareEntries);
  return { entries: all.slice(0, cap), added, dropped: Math.max(0, all.length - cap) };
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

type Listener = () => void;

/**
 * The history over a Storage (localStorage in the browser, an in-memory one in tests). Every
 * read goes through parseHistory; the parsed result is reused only while the stored text is
 * unchanged, which is also what useSyncExternalStore needs.
 */
export class HistoryStore {
  private readonly listeners = new Set<Listener>();
  private cachedRaw: string | null | undefined;
  private cachedState: HistoryState = { entries: [], warnings: [] };
  private notice: HistoryNotice | undefined;
  private writeFailed = false;

  constructor(
    private readonly storage: Storage | undefined,
    private readonly cap: number = HISTORY_CAP,
  ) {}

  read(): HistoryState {
    if (!this.storage) return { entries: [], warnings: [{ kind: 'unavailable' }] };
    let raw: string | null;
    try {
      raw = this.storage.getItem(HISTORY_STORAGE_KEY);
    } catch {
      return { entries: [], warnings: [{ kind: 'unavailable' }] };
    }
    if (raw !== this.cachedRaw) {
      this.cachedRaw = raw;
      this.cachedState = parseHistory(raw);
    }
    if (this.writeFailed) {
      return {
        entries: this.cachedState.entries,
        warnings: [...this.cachedState.warnings, { kind: 'unavailable' }],
      };
    }
    return this.cachedState;
  }

  /** The last "older entries were dropped" notice, until dismissed. */
  lastNotice(): HistoryNotice | undefined {
    return this.notice;
  }

  dismissNotice(): void {
    this.notice = undefined;
    this.emit();
  }

  add(entry: HistoryEntry): void {
    this.importEntries([historyEntrySchema.parse(entry)]);
  }

  /** Adds entries that are not there yet; returns how many were added and dropped. */
  importEntries(incoming: readonly HistoryEntry[]): { added: number; dropped: number } {
    const current = this.read();
    this.preserveUnreadable(current);
    const merged = mergeEntries(current.entries, incoming, this.cap);
    const droppedForSpace = this.write(merged.entries);
    const dropped = merged.dropped + droppedForSpace;
    if (dropped > 0) this.notice = { kind: 'trimmed', count: dropped };
    this.emit();
    return { added: merged.added, dropped };
  }

  remove(id: string): void {
    const current = this.read();
    this.write(current.entries.filter((entry) => entry.id !== id));
    this.emit();
  }

  clear(): void {
    try {
      this.storage?.removeItem(HISTORY_STORAGE_KEY);
      this.storage?.removeItem(HISTORY_BACKUP_KEY);
    } catch {
      // Nothing more to do: read() reports storage as unavailable.
    }
    this.notice = undefined;
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another tab changed the store: re-read (the cache compares the stored text). */
  notifyExternalChange(): void {
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }

  /** Before the first write over an unreadable store, keep its text aside once. */
  private preserveUnreadable(state: HistoryState): void {
    if (!this.storage || typeof this.cachedRaw !== 'string') return;
    const unreadable = state.warnings.some(
      (warning) => warning.kind === 'unreadable' || warning.kind === 'newerVersion',
    );
    if (!unreadable) return;
    try {
      this.storage.setItem(HISTORY_BACKUP_KEY, this.cachedRaw);
    } catch {
      // No room for a backup: the warning already told the operator.
    }
  }

  /**
   * Writes the entries; when the browser's quota is full, drops the oldest until they fit.
   * Returns how many were dropped for space.
   */
  private write(entries: readonly HistoryEntry[]): number {
    if (!this.storage) return 0;
    let kept = [...entries];
    for (;;) {
      try {
        const text = serializeHistory(kept);
        this.storage.setItem(HISTORY_STORAGE_KEY, text);
        // What was just written is known to be valid and sorted: remember it, so the read
        // that follows every write does not parse and validate the whole history again.
        this.cachedRaw = text;
        this.cachedState = { entries: kept, warnings: [] };
        this.writeFailed = false;
        return entries.length - kept.length;
      } catch (error) {
        if (!isQuotaError(error) || kept.length === 0) {
          this.writeFailed = true;
          return 0;
        }
        kept = kept.slice(0, Math.floor(kept.length * 0.9));
      }
    }
  }
}
