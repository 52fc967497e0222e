import type { ColumnType, Generated } from 'kysely';

/** The rows as the database holds them (snake_case, as the migrations create them). */
export interface HistoryRecordTable {
  id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  actor: string;
  label: string | null;
  key_id: string;
  key_alias: string | null;
  key_spec: string | null;
  encryption_algorithm: string;
  encryption_context: ColumnType<Record<string, string>, string, never>;
  cipher_text: string | null;
  file_name: string | null;
  // int8 comes back as text from `pg` and as a number from PGlite: the repository reads both.
  file_size: ColumnType<string | number | null, number | null, never>;
  envelope_fingerprint: string | null;
  upstream_kind: 'local' | 'cloud';
  upstream_region: string | null;
  upstream_project_id: string | null;
  /** SHA-256 of what makes two records the same encryption; imports and retries dedupe on it. */
  dedupe_key: string;
  deleted_at: Date | null;
  /** Kept by a trigger (migration 002): lower-cased text the `q` search runs over. */
  search_text: Generated<string>;
}

export interface AuditEventTable {
  id: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  actor: string;
  action: string;
  key_id: string | null;
  record_id: string | null;
  outcome: string;
  request_id: string | null;
}

export interface HistoryDatabase {
  history_record: HistoryRecordTable;
  audit_event: AuditEventTable;
}
