/**
 * The one interface the console uses for team history and audit. Only its implementation
 * (sql-repository.ts) holds SQL. A record has no field for a plaintext or a data key: there
 * is nowhere to put one.
 */
import type {
  AuditAction,
  AuditEvent,
  AuditPage,
  HistoryFile,
  HistoryItem,
  HistoryPage,
  HistoryUpstream,
} from '../../shared/console/history';
import type { EncryptionAlgorithm, EncryptionContext, KeySpec } from '../../shared/kms';

export type HistoryContent =
  { kind: 'text'; cipherText: string } | { kind: 'file'; file: HistoryFile };

export interface NewHistoryRecord {
  /** When the encryption happened; defaults to the database's clock. */
  createdAt?: Date;
  actor: string;
  label?: string | null;
  keyId: string;
  keyAlias?: string | null;
  keySpec?: KeySpec | null;
  encryptionAlgorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  content: HistoryContent;
  upstream: HistoryUpstream;
}

export interface HistoryFilters {
  /** Words that must all appear (case-insensitively) in a record's searchable text. */
  q?: string;
  keyId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

export interface PageRequest {
  cursor?: string;
  limit: number;
}

export interface NewAuditEvent {
  actor: string;
  action: AuditAction;
  keyId?: string | null;
  recordId?: string | null;
  /** `ok`, or the KMS / CONSOLE code the action failed with. */
  outcome: string;
  requestId?: string | null;
}

export interface AuditFilters {
  actor?: string;
  action?: AuditAction;
  keyId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

export interface HistoryRepository {
  /** Idempotent: the same ciphertext (or file envelope) twice is one record, `created: false`. */
  addRecord(record: NewHistoryRecord): Promise<{ item: HistoryItem; created: boolean }>;
  listRecords(filters: HistoryFilters, page: PageRequest): Promise<HistoryPage>;
  getRecord(id: string): Promise<HistoryItem | null>;
  /** Null when there is no such (undeleted) record. */
  updateLabel(id: string, label: string | null): Promise<HistoryItem | null>;
  /** Hides the record from every read; null when there is no such (undeleted) record. */
  softDelete(id: string): Promise<HistoryItem | null>;
  /** Every matching record, newest first, read in pages so any size streams. */
  exportAll(filters: HistoryFilters): AsyncIterable<HistoryItem>;
  /** Adds what is new; records already stored (same natural key) are counted as skipped. */
  importRecords(
    records: readonly NewHistoryRecord[],
  ): Promise<{ imported: number; skipped: number }>;
  /** The audit trail is append-only: there is no method to change or remove an event. */
  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  listAudit(filters: AuditFilters, page: PageRequest): Promise<AuditPage>;
  close(): Promise<void>;
}
