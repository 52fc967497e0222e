import { Migrator, type Kysely } from 'kysely';
import { historyMigrationProvider } from './migrations';
import type { HistoryDatabase } from './tables';

/**
 * Brings the schema to `target` (default: the latest). Kysely's migrator takes a session-level
 * `pg_advisory_lock` with a fixed id and runs the pending migrations in one transaction, so
 * replicas starting together migrate once and the others wait, then find nothing to do.
 * Returns the names it applied.
 */
export async function migrateHistory(
  db: Kysely<HistoryDatabase>,
  target?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: historyMigrationProvider,
    migrationTableName: 'history_migration',
    migrationLockTableName: 'history_migration_lock',
  });
  const { error, results } =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`History migration ${failed ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).map((result) => result.migrationName);
}
