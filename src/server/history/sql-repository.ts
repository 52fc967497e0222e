/** The HistoryRepository over Kysely: the same typed queries on PostgreSQL and PGlite. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditEvent, AuditPage, HistoryItem, HistoryPage } from '../../shared/console/history';
import {
  auditConditions,
  likePattern,
  recordConditions,
  searchTermsOf,
  type SearchTerms,
} from './conditions';
import { decodeCursor, encodeCursor, type KeysetPosition } from './cursor';
import { HistoryError, isStoreUnavailable } from './errors';
import type {
  AuditFilters,
  HistoryFilters,
  HistoryRepository,
  NewAuditEvent,
  NewHistoryRecord,
  PageRequest,
} from './repository';
import { RecordBatcher, type AddResult } from './record-batcher';
import { RECORD_COLUMNS, toAuditEvent, toHistoryItem, toRecordRow } from './rows';
import type { HistoryDatabase } from './tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXPORT_BATCH = 500;
const INSERT_BATCH = 500;
/**
 * Newest rows a search first reads in time order. When they hold a full page of matches,
 * that page is exact (nothing newer was skipped) and costs a short index scan, however
 * common the words; otherwise the trigram index finds the (then rarer) matches.
 */
const RECENT_WINDOW = 5_000;

/** Splits `limit + 1` rows into a page and the cursor after it (null on the last page). */
function pageOf<T extends { created_at: string; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next_cursor =
    rows.length > limit && last !== undefined
      ? encodeCursor({ createdAt: new Date(last.created_at), id: last.id })
      : null;
  return { items, next_cursor };
}

/** A dropped or refused database connection becomes one retryable API error. */
async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isStoreUnavailable(error)) throw new HistoryError('CONSOLE.0104');
    throw error;
  }
}

export class SqlHistoryRepository implements HistoryRepository {
  constructor(private readonly db: Kysely<HistoryDatabase>) {}

  private readonly batcher = new RecordBatcher((records) =>
    guard(() => this.writeRecords(records)),
  );

  addRecord(record: NewHistoryRecord): Promise<AddResult> {
    return this.batcher.add(record);
  }

  /** One INSERT for the batch; what it skipped as already stored is read back by key. */
  private async writeRecords(records: NewHistoryRecord[]): Promise<AddResult[]> {
    const rows = records.map(toRecordRow);
    const inserted = await this.db
      .insertInto('history_record')
      .values(rows)
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .returning([...RECORD_COLUMNS, 'dedupe_key'])
      .execute();
    const created = new Map(inserted.map((row) => [row.dedupe_key, row]));
    const missing = rows.map((row) => row.dedupe_key).filter((key) => !created.has(key));
    const existing =
      missing.length === 0
        ? []
        : await this.db
            .selectFrom('history_record')
            .select([...RECORD_COLUMNS, 'dedupe_key'])
            .where('dedupe_key', 'in', missing)
            .execute();
    const stored = new Map(existing.map((row) => [row.dedupe_key, row]));
    // A key twice in one batch: the first record created it, the second finds it.
    return rows.map((row) => {
      const fresh = created.get(row.dedupe_key);
      if (fresh !== undefined) {
        created.delete(row.dedupe_key);
        stored.set(row.dedupe_key, fresh);
        return { item: toHistoryItem(fresh), created: true };
      }
      return { item: toHistoryItem(stored.get(row.dedupe_key)!), created: false };
    });
  }

  async listRecords(filters: HistoryFilters, page: PageRequest): Promise<HistoryPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const terms = searchTermsOf(filters.q);
    return guard(async () => {
      if (terms.words.length > 0) {
        const recent = await this.searchRecent(filters, terms, after, page.limit + 1);
        if (recent.length > page.limit) return pageOf(recent.map(toHistoryItem), page.limit);
      }
      const rows = await this.db
        .selectFrom('history_record')
        .select(RECORD_COLUMNS)
        .where((eb) => recordConditions(eb, filters, terms.ranges, after))
        .where((eb) => eb.and(terms.words.map((w) => eb('search_text', 'like', likePattern(w)))))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toHistoryItem), page.limit);
    });
  }

  /** The matches among the newest RECENT_WINDOW rows that pass the other filters. */
  private searchRecent(
    filters: HistoryFilters,
    terms: SearchTerms,
    after: KeysetPosition | undefined,
    wanted: number,
  ) {
    const recent = this.db
      .selectFrom('history_record')
      .select([...RECORD_COLUMNS, 'search_text'])
      .where((eb) => recordConditions(eb, filters, terms.ranges, after))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(RECENT_WINDOW)
      .as('recent');
    return this.db
      .selectFrom(recent)
      .select(RECORD_COLUMNS)
      .where((eb) => eb.and(terms.words.map((w) => eb('search_text', 'like', likePattern(w)))))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(wanted)
      .execute();
  }

  getRecord(id: string): Promise<HistoryItem | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return guard(async () => {
      const row = await this.db
        .selectFrom('history_record')
        .select(RECORD_COLUMNS)
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row === undefined ? null : toHistoryItem(row);
    });
  }

  updateLabel(id: string, label: string | null): Promise<HistoryItem | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return guard(async () => {
      const row = await this.db
        .updateTable('history_record')
        .set({ label })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .returning(RECORD_COLUMNS)
        .executeTakeFirst();
      return row === undefined ? null : toHistoryItem(row);
    });
  }

  softDelete(id: string): Promise<HistoryItem | null> {
    if (!UUID.test(id)) return Promise.resolve(null);
    return guard(async () => {
      const row = await this.db
        .updateTable('history_record')
        .set({ deleted_at: new Date() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .returning(RECORD_COLUMNS)
        .executeTakeFirst();
      return row === undefined ? null : toHistoryItem(row);
    });
  }

  async *exportAll(filters: HistoryFilters): AsyncIterable<HistoryItem> {
    let cursor: string | undefined;
    do {
      const page = await this.listRecords(filters, { limit: EXPORT_BATCH, cursor });
      yield* page.items;
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
  }

  importRecords(
    records: readonly NewHistoryRecord[],
  ): Promise<{ imported: number; skipped: number }> {
    return guard(async () => {
      let imported = 0;
      for (let start = 0; start < records.length; start += INSERT_BATCH) {
        const rows = records.slice(start, start + INSERT_BATCH).map(toRecordRow);
        const inserted = await this.db
          .insertInto('history_record')
          .values(rows)
          .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
          .returning('id')
          .execute();
        imported += inserted.length;
      }
      return { imported, skipped: records.length - imported };
    });
  }

  appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    return guard(async () => {
      const row = await this.db
        .insertInto('audit_event')
        .values({
          id: randomUUID(),
          actor: event.actor,
          action: event.action,
          key_id: event.keyId ?? null,
          record_id: event.recordId ?? null,
          outcome: event.outcome,
          request_id: event.requestId ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEvent(row);
    });
  }

  async listAudit(filters: AuditFilters, page: PageRequest): Promise<AuditPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    return guard(async () => {
      const rows = await this.db
        .selectFrom('audit_event')
        .selectAll()
        .where((eb) => auditConditions(eb, filters, after))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit + 1)
        .execute();
      return pageOf(rows.map(toAuditEvent), page.limit);
    });
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}
