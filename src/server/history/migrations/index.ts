import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001_initial';
import { filesAndSearch } from './002_files_and_search';
import { shorterCipherPrefix } from './003_shorter_cipher_prefix';

/**
 * Every schema version in order. Forward-only: a migration is never edited or removed once
 * shipped, and none has a `down`; a fix is the next number.
 */
export const HISTORY_MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001_initial': initial,
  '002_files_and_search': filesAndSearch,
  '003_shorter_cipher_prefix': shorterCipherPrefix,
};

export const historyMigrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...HISTORY_MIGRATIONS }),
};
