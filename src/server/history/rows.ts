/** Rows to API items, and records to rows: the only place that knows both spellings. */
import { createHash, randomUUID } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import { ITEM_COLUMNS } from '../../shared/console/csv';
import type { AuditAction, AuditEvent, HistoryItem } from '../../shared/console/history';
import type { EncryptionAlgorithm, KeySpec } from '../../shared/kms';
import type { NewHistoryRecord } from './repository';
import type { AuditEventTable, HistoryRecordTable } from './tables';

export const RECORD_COLUMNS = [
  ...ITEM_COLUMNS,
  'file_name',
  'file_size',
  'envelope_fingerprint',
  'upstream_kind',
  'upstream_region',
  'upstream_project_id',
] as const;

type RecordRow = Pick<Selectable<HistoryRecordTable>, (typeof RECORD_COLUMNS)[number]>;

/** What makes two records the same encryption: a ciphertext is never produced twice. */
function dedupeKeyOf(record: Pick<NewHistoryRecord, 'keyId' | 'content'>): string {
  const natural =
    record.content.kind === 'text'
      ? `text\n${record.content.cipherText}`
      : `file\n${record.keyId}\n${record.content.file.fingerprint}`;
  return createHash('sha256').update(natural).digest('hex');
}

export function toRecordRow(record: NewHistoryRecord): Insertable<HistoryRecordTable> {
  const { content, upstream } = record;
  return {
    id: randomUUID(),
    ...(record.createdAt !== undefined && { created_at: record.createdAt }),
    actor: record.actor,
    label: record.label ?? null,
    key_id: record.keyId,
    key_alias: record.keyAlias ?? null,
    key_spec: record.keySpec ?? null,
    encryption_algorithm: record.encryptionAlgorithm,
    encryption_context: JSON.stringify(record.encryptionContext),
    cipher_text: content.kind === 'text' ? content.cipherText : null,
    file_name: content.kind === 'file' ? content.file.name : null,
    file_size: content.kind === 'file' ? content.file.size : null,
    envelope_fingerprint: content.kind === 'file' ? content.file.fingerprint : null,
    upstream_kind: upstream.kind,
    upstream_region: upstream.kind === 'cloud' ? upstream.region : null,
    upstream_project_id: upstream.kind === 'cloud' ? upstream.project_id : null,
    dedupe_key: dedupeKeyOf(record),
  };
}

// The casts below trust the database for values only this module's typed writes put there.
export function toHistoryItem(row: RecordRow): HistoryItem {
  const file =
    row.envelope_fingerprint !== null && row.file_name !== null && row.file_size !== null
      ? { name: row.file_name, size: Number(row.file_size), fingerprint: row.envelope_fingerprint }
      : null;
  return {
    id: row.id,
    created_at: row.created_at.toISOString(),
    actor: row.actor,
    label: row.label,
    key_id: row.key_id,
    key_alias: row.key_alias,
    key_spec: row.key_spec as KeySpec | null,
    encryption_algorithm: row.encryption_algorithm as EncryptionAlgorithm,
    encryption_context: row.encryption_context,
    cipher_text: row.cipher_text,
    file,
    upstream:
      row.upstream_kind === 'cloud'
        ? {
            kind: 'cloud',
            region: row.upstream_region ?? '',
            project_id: row.upstream_project_id ?? '',
          }
        : { kind: 'local' },
  };
}

export function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return {
    id: row.id,
    created_at: row.created_at.toISOString(),
    actor: row.actor,
    action: row.action as AuditAction,
    key_id: row.key_id,
    record_id: row.record_id,
    outcome: row.outcome,
    request_id: row.request_id,
  };
}
