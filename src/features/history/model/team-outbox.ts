/**
 * Records the team history has not acknowledged yet, kept in localStorage until it has: an
 * encryption made while the store (or the console) is unreachable is not lost, and is sent
 * when it is back. A record holds what decrypting needs, never a plaintext (the schema is
 * strict). Resending is safe: the server keeps one record per ciphertext.
 */
import { z } from 'zod/mini';
import { historyRecordBodySchema, type HistoryRecordBody } from '../../../shared/console/history';
import { isApiError } from '../../../lib/api';
import { saveRecord } from '../api/team-history';
import type { HistoryEntry } from './history-entry';

export const OUTBOX_STORAGE_KEY = 'kms-console.history.outbox';
const RETRY_MS = 10_000;
/** A failure that will pass by itself: the store, the console or the network is down. */
const TRANSIENT_STATUSES = new Set([401, 408, 429, 500, 502, 503, 504]);

const outboxSchema = z.array(historyRecordBodySchema);

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function sameRecord(a: HistoryRecordBody, b: HistoryRecordBody): boolean {
  return a.cipher_text != null
    ? a.cipher_text === b.cipher_text
    : a.file?.fingerprint === b.file?.fingerprint && a.key_id === b.key_id;
}

function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === undefined || TRANSIENT_STATUSES.has(error.status);
}

export class TeamOutbox {
  private readonly listeners = new Set<() => void>();
  private cachedRaw: string | null | undefined;
  private cached: readonly HistoryRecordBody[] = [];
  private sending: Promise<void> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: Storage | undefined) {}

  pending(): readonly HistoryRecordBody[] {
    let raw: string | null;
    try {
      raw = this.store?.getItem(OUTBOX_STORAGE_KEY) ?? null;
    } catch {
      raw = null;
    }
    if (raw !== this.cachedRaw) {
      this.cachedRaw = raw;
      let parsed: unknown;
      try {
        parsed = raw === null ? [] : JSON.parse(raw);
      } catch {
        parsed = [];
      }
      const result = outboxSchema.safeParse(parsed);
      this.cached = result.success ? result.data : [];
    }
    return this.cached;
  }

  count = (): number => this.pending().length;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Keeps the record, then tries to send everything waiting. */
  send(record: HistoryRecordBody): Promise<void> {
    const body = historyRecordBodySchema.parse(record);
    this.write([...this.pending().filter((item) => !sameRecord(item, body)), body]);
    return this.flush();
  }

  /** Sends what waits, oldest first; stops at the first transient failure and retries later. */
  flush(): Promise<void> {
    this.sending ??= this.drain().finally(() => {
      this.sending = undefined;
    });
    return this.sending;
  }

  private async drain(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    for (const record of this.pending()) {
      try {
        await saveRecord(record);
      } catch (error) {
        if (isTransient(error)) {
          this.retryTimer = setTimeout(() => void this.flush(), RETRY_MS);
          return;
        }
        // Refused as invalid: it never will be accepted, so it does not wait forever.
      }
      this.write(this.pending().filter((item) => !sameRecord(item, record)));
    }
  }

  private write(records: readonly HistoryRecordBody[]): void {
    try {
      if (records.length === 0) this.store?.removeItem(OUTBOX_STORAGE_KEY);
      else this.store?.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(records));
    } catch {
      // No room: the record is still in this browser's own history.
    }
    this.listeners.forEach((listener) => listener());
  }
}

export const teamOutbox = new TeamOutbox(storage());

/** The record the server stores for a local entry (the server adds actor and upstream). */
export function recordBodyOf(entry: HistoryEntry): HistoryRecordBody {
  return {
    created_at: entry.createdAt,
    key_id: entry.keyId,
    ...(entry.keyAlias !== undefined && { key_alias: entry.keyAlias }),
    ...(entry.keySpec !== undefined && { key_spec: entry.keySpec }),
    encryption_algorithm: entry.algorithm,
    encryption_context: entry.encryptionContext,
    ...(entry.cipherText !== undefined && { cipher_text: entry.cipherText }),
    ...(entry.file !== undefined && { file: entry.file }),
    ...(entry.label !== undefined && { label: entry.label }),
  };
}
