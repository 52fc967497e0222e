import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import type { Message } from '../../../lib/i18n';
import { contextCell, csvCell, KEY_COLUMNS } from '../../../shared/console/csv';
import { HISTORY_VERSION, historyEntrySchema, type HistoryEntry } from './history-entry';

export const EXPORT_FORMAT = 'kms-encrypt-console/history';

/** The export file: the entries plus enough header to recognise and version it. */
export const historyExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(HISTORY_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  entries: z.array(historyEntrySchema).check(z.maxLength(100_000)),
});
export type HistoryExport = z.infer<typeof historyExportSchema>;

export function exportJson(entries: readonly HistoryEntry[], now: Date = new Date()): string {
  const document: HistoryExport = {
    format: EXPORT_FORMAT,
    version: HISTORY_VERSION,
    exportedAt: now.toISOString(),
    entries: [...entries],
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const CSV_COLUMNS = ['created_at', ...KEY_COLUMNS, 'cipher_text'] as const;

/** CSV for reading in a spreadsheet; JSON is the format to import back. */
export function exportCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((entry) =>
    [
      entry.createdAt,
      entry.keyId,
      entry.keyAlias ?? '',
      entry.keySpec ?? '',
      entry.algorithm,
      contextCell(entry.encryptionContext),
      entry.cipherText ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export type ImportResult = { ok: true; entries: HistoryEntry[] } | { ok: false; reason: Message };

/** Largest import file read at all (a full history is far smaller). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

function describePath(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

/**
 * Validates an import file completely before anything is changed: one bad entry refuses the
 * whole file, with the reason, so the history is never half-imported.
 */
export function parseImport(text: string): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: { key: 'history.import.notJson' } };
  }
  if (
    typeof json !== 'object' ||
    json === null ||
    (json as { format?: unknown }).format !== EXPORT_FORMAT
  ) {
    return { ok: false, reason: { key: 'history.import.notHistory' } };
  }
  const version = (json as { version?: unknown }).version;
  if (version !== HISTORY_VERSION) {
    return {
      ok: false,
      reason: { key: 'history.import.version', params: { version: String(version) } },
    };
  }
  // The problem is shown to the operator: in words, not zod/mini's bare "Invalid input".
  const parsed = historyExportSchema.safeParse(json, { error: en().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? describePath(issue.path) : '';
    const entryIndex = issue?.path[0] === 'entries' ? issue.path[1] : undefined;
    return {
      ok: false,
      reason:
        typeof entryIndex === 'number'
          ? {
              key: 'history.import.badEntry',
              params: { entry: entryIndex + 1, field: path, problem: issue?.message ?? '' },
            }
          : {
              key: 'history.import.badFile',
              params: { field: path, problem: issue?.message ?? '' },
            },
    };
  }
  return { ok: true, entries: parsed.data.entries };
}
