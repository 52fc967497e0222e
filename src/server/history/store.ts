import path from 'node:path';
import { openHistoryDatabase, type HistoryStoreLocation } from './database';
import { migrateHistory } from './migrate';
import type { HistoryRepository } from './repository';
import { SqlHistoryRepository } from './sql-repository';

/**
 * Opens the store and brings its schema up to date before anyone reads it: what the console
 * calls once at start. A failing migration closes the connection and rejects.
 */
export async function openHistoryStore(location: HistoryStoreLocation): Promise<HistoryRepository> {
  const db = await openHistoryDatabase(location);
  try {
    await migrateHistory(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlHistoryRepository(db);
}

export interface HistorySettings {
  /** `CONSOLE_HISTORY`: off keeps the browser-only history and opens no store. */
  enabled: boolean;
  /** `DATABASE_URL`: a PostgreSQL server shared by every console replica. */
  databaseUrl?: string;
  /** `CONSOLE_DATA_DIR` (default `.console-data/`): the embedded store goes in `history/`. */
  dataDir: string;
}

/** Where the console's settings put the store; null when the store is off. */
export function historyLocationOf(settings: HistorySettings): HistoryStoreLocation | null {
  if (!settings.enabled) return null;
  if (settings.databaseUrl !== undefined && settings.databaseUrl !== '') {
    return { kind: 'postgres', url: settings.databaseUrl };
  }
  return { kind: 'pglite', dataDir: path.join(settings.dataDir, 'history') };
}
