/**
 * Where the history lives: a PostgreSQL server when `DATABASE_URL` is set, else PGlite (the
 * same PostgreSQL, compiled to WebAssembly) persisted in a directory. One dialect, one set of
 * migrations, one repository for both.
 */
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { PGliteDialect } from './pglite-dialect';
import type { HistoryDatabase } from './tables';

export type HistoryStoreLocation =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** `dataDir` null keeps the database in memory (tests that need no restart). */
  | { kind: 'pglite'; dataDir: string | null };

export async function openHistoryDatabase(
  location: HistoryStoreLocation,
): Promise<Kysely<HistoryDatabase>> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: location.url,
      max: location.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // A client whose server went away emits 'error', idle in the pool or checked out between
    // two queries; unhandled, that would end the process. The pending query (if any) fails
    // on its own, the pool drops the broken client, and the next query connects afresh.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return new Kysely<HistoryDatabase>({ dialect: new PostgresDialect({ pool }) });
  }
  let unlock = async (): Promise<void> => undefined;
  if (location.dataDir !== null) {
    await mkdir(location.dataDir, { recursive: true });
    unlock = await lockDataDir(location.dataDir);
  }
  try {
    const pglite = await PGlite.create({
      ...(location.dataDir !== null && { dataDir: location.dataDir }),
      extensions: { pg_trgm },
    });
    return new Kysely<HistoryDatabase>({ dialect: new PGliteDialect(pglite, unlock) });
  } catch (error) {
    await unlock();
    throw error;
  }
}
