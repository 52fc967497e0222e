/** Stores for the history tests: the same repository over PGlite or a real PostgreSQL. */
import { createCipheriv, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { openHistoryDatabase } from '../../src/server/history/database';
import { migrateHistory } from '../../src/server/history/migrate';
import type { NewHistoryRecord } from '../../src/server/history/repository';
import { SqlHistoryRepository } from '../../src/server/history/sql-repository';
import type { HistoryDatabase } from '../../src/server/history/tables';
import { startPostgres, type PostgresServer } from '../support/postgres';

export type DialectName = 'pglite' | 'postgres';

export interface TestStore {
  db: Kysely<HistoryDatabase>;
  repository: SqlHistoryRepository;
}

/** PGlite's first start (initdb in WebAssembly) takes seconds on a busy machine. */
export const STORE_TIMEOUT = 120_000;

export async function openStore(
  location: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string },
  migrateTo?: string,
): Promise<TestStore> {
  const db = await openHistoryDatabase(location);
  await migrateHistory(db, migrateTo);
  return { db, repository: new SqlHistoryRepository(db) };
}

/** One database per call, on a PostgreSQL server started once per test file. */
export class DialectFixture {
  private server: PostgresServer | null = null;
  private count = 0;

  constructor(readonly dialect: DialectName) {}

  async databaseUrl(): Promise<string> {
    this.server ??= await startPostgres();
    this.count += 1;
    return this.server.createDatabase(`history_${process.pid}_${this.count}`);
  }

  async open(migrateTo?: string): Promise<TestStore> {
    if (this.dialect === 'pglite') return openStore({ kind: 'pglite', dataDir: null }, migrateTo);
    return openStore({ kind: 'postgres', url: await this.databaseUrl() }, migrateTo);
  }

  get postgres(): PostgresServer | null {
    return this.server;
  }

  async destroy(): Promise<void> {
    await this.server?.destroy();
  }
}

export const KEY_A = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
export const KEY_B = '1a2b3c4d-0000-4000-8000-000000000003';

export function randomCipherText(): string {
  return randomBytes(150).toString('base64');
}

export function sampleRecord(overrides: Partial<NewHistoryRecord> = {}): NewHistoryRecord {
  return {
    actor: 'alice',
    keyId: KEY_A,
    keyAlias: 'team/aes',
    keySpec: 'AES_256',
    encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    encryptionContext: { env: 'prod' },
    content: { kind: 'text', cipherText: randomCipherText() },
    upstream: { kind: 'local' },
    ...overrides,
  };
}

/**
 * Real AES-256-GCM under a fresh key: the Base64 a KMS would hand back is IV | ciphertext |
 * tag. Tests store the result and then look for the plaintext and the key in the database.
 */
export function encryptForTest(plainText: string): { cipherText: string; dataKey: Buffer } {
  const dataKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
  const cipherText = Buffer.concat([iv, body, cipher.getAuthTag(), randomBytes(64)]).toString(
    'base64',
  );
  return { cipherText, dataKey };
}

/**
 * Every column of every table in the schema, read as text, searched for each needle: returns
 * `table.column: needle` for each hit. Also reports how many cells it read, so a scan that
 * read nothing cannot pass unnoticed.
 */
export async function scanDatabase(
  db: Kysely<HistoryDatabase>,
  needles: readonly string[],
): Promise<{ hits: string[]; cellsRead: number }> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t
      ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`.execute(db);
  const hits: string[] = [];
  let cellsRead = 0;
  for (const { table_name, column_name } of columns.rows) {
    const values = await sql<{ value: string | null }>`
      SELECT ${sql.ref(column_name)}::text AS value FROM ${sql.table(table_name)}`.execute(db);
    for (const { value } of values.rows) {
      if (value === null) continue;
      cellsRead += 1;
      for (const needle of needles) {
        if (value.toLowerCase().includes(needle.toLowerCase())) {
          hits.push(`${table_name}.${column_name}: ${needle}`);
        }
      }
    }
  }
  return { hits, cellsRead };
}
