import { contextCell, csvCell, ITEM_COLUMNS } from '../../shared/console/csv';
import type { HistoryItem } from '../../shared/console/history';

export const HISTORY_CSV_COLUMNS = [
  ...ITEM_COLUMNS,
  'file_name',
  'file_size',
  'file_fingerprint',
  'upstream',
] as const;

export function csvHeader(): string {
  return `${HISTORY_CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(item: HistoryItem): string {
  const upstream =
    item.upstream.kind === 'cloud'
      ? `cloud:${item.upstream.region}/${item.upstream.project_id}`
      : 'local';
  return `${[
    item.id,
    item.created_at,
    item.actor,
    item.label ?? '',
    item.key_id,
    item.key_alias ?? '',
    item.key_spec ?? '',
    item.encryption_algorithm,
    contextCell(item.encryption_context),
    item.cipher_text ?? '',
    item.file?.name ?? '',
    item.file === null ? '' : String(item.file.size),
    item.file?.fingerprint ?? '',
    upstream,
  ]
    .map(csvCell)
    .join(',')}\r\n`;
}
