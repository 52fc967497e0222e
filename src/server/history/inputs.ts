/** API bodies and query strings to repository inputs, with the API's error codes. */
import { z } from 'zod/mini';
import {
  HISTORY_PAGE_LIMIT_DEFAULT,
  HISTORY_PAGE_LIMIT_MAX,
  type HistoryErrorCode,
  type HistoryItem,
  type HistoryRecordBody,
  type HistoryUpstream,
  type LocalHistoryEntry,
} from '../../shared/console/history';
import { HistoryError } from './errors';
import type { HistoryContent, HistoryFilters, NewHistoryRecord } from './repository';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => key.includes('\0') || containsNul(item));
}

/** Parses or throws the given code; the message names the field, never echoes its value. */
export function parseOr<T>(schema: z.ZodMiniType<T>, value: unknown, code: HistoryErrorCode): T {
  // PostgreSQL stores no NUL character in text or jsonb; refuse it here as bad input.
  if (containsNul(value)) {
    throw new HistoryError(code, 'Text must not contain the NUL character.');
  }
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue !== undefined && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new HistoryError(code, `${where}${issue?.message ?? 'invalid'}`);
}

export function pageLimit(limit: string | undefined): number {
  const value = limit === undefined ? HISTORY_PAGE_LIMIT_DEFAULT : Number(limit);
  if (value < 1 || value > HISTORY_PAGE_LIMIT_MAX) {
    throw new HistoryError('CONSOLE.0100', `limit must be 1 to ${HISTORY_PAGE_LIMIT_MAX}.`);
  }
  return value;
}

export function timeOf(text: string | undefined): Date | undefined {
  return text === undefined ? undefined : new Date(text);
}

export function historyFilters(query: {
  q?: string;
  key_id?: string;
  actor?: string;
  from?: string;
  to?: string;
}): HistoryFilters {
  return {
    ...(query.q !== undefined && { q: query.q }),
    ...(query.key_id !== undefined && { keyId: query.key_id }),
    ...(query.actor !== undefined && { actor: query.actor }),
    ...(query.from !== undefined && { from: new Date(query.from) }),
    ...(query.to !== undefined && { to: new Date(query.to) }),
  };
}

function contentOf(
  cipherText: string | null | undefined,
  file: HistoryItem['file'] | undefined,
): HistoryContent {
  if (cipherText != null && file == null) return { kind: 'text', cipherText };
  if (file != null && cipherText == null) return { kind: 'file', file };
  throw new HistoryError('CONSOLE.0103', 'A record has either cipher_text or file.');
}

export function recordFromBody(
  body: HistoryRecordBody,
  actor: string,
  upstream: HistoryUpstream,
): NewHistoryRecord {
  return {
    ...(body.created_at !== undefined && { createdAt: new Date(body.created_at) }),
    actor,
    label: body.label ?? null,
    keyId: body.key_id,
    keyAlias: body.key_alias ?? null,
    keySpec: body.key_spec ?? null,
    encryptionAlgorithm: body.encryption_algorithm,
    encryptionContext: body.encryption_context,
    content: contentOf(body.cipher_text, body.file),
    upstream,
  };
}

export function recordFromExportItem(item: HistoryItem, actor: string): NewHistoryRecord {
  return {
    ...recordFromBody(item, actor, item.upstream),
    createdAt: new Date(item.created_at),
  };
}

export function recordFromLocalEntry(
  entry: LocalHistoryEntry,
  actor: string,
  upstream: HistoryUpstream,
): NewHistoryRecord {
  return {
    createdAt: new Date(entry.createdAt),
    actor,
    keyId: entry.keyId,
    keyAlias: entry.keyAlias ?? null,
    keySpec: entry.keySpec ?? null,
    encryptionAlgorithm: entry.algorithm,
    encryptionContext: entry.encryptionContext,
    label: entry.label ?? null,
    content: contentOf(entry.cipherText, entry.file),
    upstream,
  };
}
