/**
 * The team history API (`/api/history`): one fetcher per call, each answer checked against the
 * shared contract. Loaded with the History page and the outbox only, never at first load.
 */
import {
  historyImportAnswerSchema,
  historyPageSchema,
  historyRecordAnswerSchema,
  type HistoryItem,
  type HistoryPage,
  type HistoryRecordBody,
  type LocalHistoryEntry,
} from '../../../shared/console/history';
import { CONSOLE_API } from '../../../shared/console/routes';
import {
  checked,
  getConsoleJson,
  queryString,
  sendConsoleJson,
} from '../../../lib/api/console-request';

const recordUrl = (id: string) => `${CONSOLE_API.history}/${encodeURIComponent(id)}`;

export const TEAM_PAGE_SIZE = 20;

export function listRecords(q: string, cursor?: string): Promise<HistoryPage> {
  const search = queryString({ q: q.trim(), cursor, limit: String(TEAM_PAGE_SIZE) });
  return getConsoleJson(`${CONSOLE_API.history}${search}`, historyPageSchema);
}

export async function saveRecord(body: HistoryRecordBody): Promise<HistoryItem> {
  const answer = await sendConsoleJson('POST', CONSOLE_API.history, body);
  return checked(historyRecordAnswerSchema, answer).item;
}

export async function updateLabel(id: string, label: string | null): Promise<void> {
  await sendConsoleJson('PATCH', recordUrl(id), { label });
}

export async function deleteRecord(id: string): Promise<void> {
  await sendConsoleJson('DELETE', recordUrl(id));
}

export async function importEntries(
  entries: readonly LocalHistoryEntry[],
): Promise<{ imported: number; skipped: number }> {
  const answer = await sendConsoleJson('POST', `${CONSOLE_API.history}/import`, { entries });
  return checked(historyImportAnswerSchema, answer);
}

export function exportUrl(format: 'json' | 'csv'): string {
  return `${CONSOLE_API.history}/export?format=${format}`;
}

export const teamHistoryKeys = {
  all: ['team-history'] as const,
  records: (q: string) => ['team-history', 'records', q] as const,
};
