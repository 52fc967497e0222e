import type { HistoryItem } from '../../shared/console/history';

export const HISTORY_CSV_COLUMNS = [
  'id',
  'created_at',
  'actor',
  'label',
  'key_id',
  'key_alias',
  'key_spec',
  'encryption_algorithm',
  'encryption_context',
  'cipher_text',
  'file_name',
  'file_size',
  'file_fingerprint',
  'upstream',
] as const;

/**
 * RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would run as a formula:
 * labels, actors and context values are free text typed by someone.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvHeader(): string {
  return `${HISTORY_CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(item: HistoryItem): string {
  const upstream =
    item.upstream.kind === 'cloud'
      ? `cloud:${item.upstream.region}/${item.upstream.project_id}`
      : 'local';
  const context = item.encryption_context;
  return `${[
    item.id,
    item.created_at,
    item.actor,
    item.label ?? '',
    item.key_id,
    item.key_alias ?? '',
    item.key_spec ?? '',
    item.encryption_algorithm,
    Object.keys(context).length > 0 ? JSON.stringify(context) : '',
    item.cipher_text ?? '',
    item.file?.name ?? '',
    item.file === null ? '' : String(item.file.size),
    item.file?.fingerprint ?? '',
    upstream,
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}
