/** WHERE clauses for the history and audit lists, shared by every query that reads them. */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { KeysetPosition } from './cursor';
import { SEARCHED_CIPHER_PREFIX_CHARS } from './migrations/003_shorter_cipher_prefix';
import type { AuditFilters, HistoryFilters } from './repository';
import type { HistoryDatabase } from './tables';

type RecordBuilder = ExpressionBuilder<HistoryDatabase, 'history_record'>;
type AuditBuilder = ExpressionBuilder<HistoryDatabase, 'audit_event'>;

export interface SearchTerms {
  /** Words matched as substrings of the record's search text. */
  words: string[];
  /** Date words (`2026-03-01`, `2026-03`) become time ranges: an index range, not a LIKE. */
  ranges: { from: Date; until: Date }[];
}

function dateRange(word: string): { from: Date; until: Date } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(word);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3]];
  const from = new Date(Date.UTC(year, month - 1, day === undefined ? 1 : Number(day)));
  if (from.getUTCMonth() !== month - 1) return null;
  const until =
    day === undefined
      ? new Date(Date.UTC(year, month, 1))
      : new Date(from.getTime() + 24 * 3600 * 1000);
  return { from, until };
}

/** A word that looks like a ciphertext (or a long start of one) is cut to what is indexed. */
function searchableWord(word: string): string {
  return word.length > SEARCHED_CIPHER_PREFIX_CHARS && /^[0-9a-z+/=]+$/.test(word)
    ? word.slice(0, SEARCHED_CIPHER_PREFIX_CHARS)
    : word;
}

export function searchTermsOf(q: string | undefined): SearchTerms {
  const terms: SearchTerms = { words: [], ranges: [] };
  for (const word of (q ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const range = dateRange(word);
    if (range === null) terms.words.push(searchableWord(word));
    else terms.ranges.push(range);
  }
  return terms;
}

export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Every filter but the search words (which `searchWordsMatch` adds where the plan wants). */
export function recordConditions(
  eb: RecordBuilder,
  filters: HistoryFilters,
  ranges: SearchTerms['ranges'],
  after: KeysetPosition | undefined,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [eb('deleted_at', 'is', null)];
  if (filters.keyId !== undefined) conditions.push(eb('key_id', '=', filters.keyId));
  if (filters.actor !== undefined) conditions.push(eb('actor', '=', filters.actor));
  if (filters.from !== undefined) conditions.push(eb('created_at', '>=', filters.from));
  if (filters.to !== undefined) conditions.push(eb('created_at', '<=', filters.to));
  for (const range of ranges) {
    conditions.push(eb('created_at', '>=', range.from), eb('created_at', '<', range.until));
  }
  if (after !== undefined) {
    conditions.push(eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
  }
  return eb.and(conditions);
}

export function auditConditions(
  eb: AuditBuilder,
  filters: AuditFilters,
  after: KeysetPosition | undefined,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.actor !== undefined) conditions.push(eb('actor', '=', filters.actor));
  if (filters.action !== undefined) conditions.push(eb('action', '=', filters.action));
  if (filters.keyId !== undefined) conditions.push(eb('key_id', '=', filters.keyId));
  if (filters.outcome !== undefined) conditions.push(eb('outcome', '=', filters.outcome));
  if (filters.from !== undefined) conditions.push(eb('created_at', '>=', filters.from));
  if (filters.to !== undefined) conditions.push(eb('created_at', '<=', filters.to));
  if (after !== undefined) {
    conditions.push(eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
  }
  return eb.and(conditions);
}
