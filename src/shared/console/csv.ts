/** What every history export and the history table name the same way, in the same order. */
export const KEY_COLUMNS = [
  'key_id',
  'key_alias',
  'key_spec',
  'encryption_algorithm',
  'encryption_context',
] as const;

/** A history item's columns up to its content (after it: the file's, the upstream's). */
export const ITEM_COLUMNS = [
  'id',
  'created_at',
  'actor',
  'label',
  ...KEY_COLUMNS,
  'cipher_text',
] as const;

/**
 * RFC 4180 quoting, plus a leading apostrophe on cells a spreadsheet would run as a formula:
 * labels, actors and context values are free text typed by someone.
 */
export function csvCell(value: string): string {
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** An encryption context as one cell: empty when there is none. */
export function contextCell(context: Readonly<Record<string, string>>): string {
  return Object.keys(context).length > 0 ? JSON.stringify(context) : '';
}
