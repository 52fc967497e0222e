// Migrations from an empty database and from the previous schema version, on both databases,
// and from several replicas at once on a real PostgreSQL (the advisory lock).
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openHistoryDatabase } from '../../src/server/history/database';
import { migrateHistory } from '../../src/server/history/migrate';
import { HISTORY_MIGRATIONS } from '../../src/server/history/migrations';
import { SqlHistoryRepository } from '../../src/server/history/sql-repository';
import {
  DialectFixture,
  KEY_A,
  STORE_TIMEOUT,
  randomCipherText,
  sampleRecord,
  type DialectName,
} from './helpers';

const ALL = Object.keys(HISTORY_MIGRATIONS);
const DIALECTS: DialectName[] = ['pglite', 'postgres'];

describe.each(DIALECTS)('history migrations on %s', (dialect) => {
  const fixture = new DialectFixture(dialect);
  afterAll(() => fixture.destroy());

  it(
    'migrate an empty database to the latest version, then find nothing left to do',
    async () => {
      const { db } = await fixture.open('001_initial');
      try {
        expect(await migrateHistory(db)).toEqual(ALL.slice(1));
        expect(await migrateHistory(db)).toEqual([]);
        const applied = await sql<{ name: string }>`
          SELECT name FROM history_migration ORDER BY name`.execute(db);
        expect(applied.rows.map((row) => row.name)).toEqual(ALL);
      } finally {
        await db.destroy();
      }
    },
    STORE_TIMEOUT,
  );

  it(
    'upgrade a database written by version 001 without losing or hiding its records',
    async () => {
      const { db } = await fixture.open('001_initial');
      try {
        const cipherText = randomCipherText();
        // Written as version 001's code wrote it: its columns only.
        await sql`
          INSERT INTO history_record (id, created_at, actor, label, key_id, key_alias, key_spec,
            encryption_algorithm, encryption_context, cipher_text, upstream_kind, dedupe_key)
          VALUES ('7f1f8a52-2d8e-4c8e-9d55-0d2a5e0b7c11', '2025-12-24T08:30:00.000Z', 'old-timer',
            'legacy label', ${KEY_A}, 'team/aes', 'AES_256', 'SYMMETRIC_DEFAULT',
            '{"ticket":"OPS-12"}', ${cipherText}, 'local', 'legacy-dedupe-key')`.execute(db);
        await db
          .insertInto('audit_event')
          .values({
            id: '0b8a3e3c-5d6f-4e1a-9b2c-3d4e5f6a7b8c',
            actor: 'old-timer',
            action: 'encrypt',
            key_id: KEY_A,
            outcome: 'ok',
          })
          .execute();

        expect(await migrateHistory(db)).toEqual(ALL.slice(1));
        const repository = new SqlHistoryRepository(db);
        const page = await repository.listRecords({}, { limit: 10 });
        expect(page.items).toEqual([
          {
            id: '7f1f8a52-2d8e-4c8e-9d55-0d2a5e0b7c11',
            created_at: '2025-12-24T08:30:00.000Z',
            actor: 'old-timer',
            label: 'legacy label',
            key_id: KEY_A,
            key_alias: 'team/aes',
            key_spec: 'AES_256',
            encryption_algorithm: 'SYMMETRIC_DEFAULT',
            encryption_context: { ticket: 'OPS-12' },
            cipher_text: cipherText,
            file: null,
            upstream: { kind: 'local' },
          },
        ]);
        // The search text was filled in for rows older than the search itself.
        for (const q of ['legacy', 'ops-12', '2025-12-24', 'old-timer']) {
          expect((await repository.listRecords({ q }, { limit: 10 })).items).toHaveLength(1);
        }
        expect((await repository.listAudit({ actor: 'old-timer' }, { limit: 10 })).items).toEqual([
          expect.objectContaining({ action: 'encrypt', outcome: 'ok' }),
        ]);
        // And version 002's new kind of record fits next to it.
        const { created } = await repository.addRecord(
          sampleRecord({
            content: {
              kind: 'file',
              file: { name: 'a.bin', size: 1, fingerprint: 'cd'.repeat(32) },
            },
          }),
        );
        expect(created).toBe(true);
      } finally {
        await db.destroy();
      }
    },
    STORE_TIMEOUT,
  );

  it(
    'upgrade a database written by version 002: its records stay searchable by ciphertext',
    async () => {
      const { db } = await fixture.open('002_files_and_search');
      try {
        const older = randomCipherText();
        const repository = new SqlHistoryRepository(db);
        await repository.addRecord(sampleRecord({ content: { kind: 'text', cipherText: older } }));
        expect(await migrateHistory(db)).toEqual(ALL.slice(2));
        const newer = randomCipherText();
        await repository.addRecord(sampleRecord({ content: { kind: 'text', cipherText: newer } }));
        for (const cipherText of [older, newer]) {
          for (const q of [cipherText, cipherText.slice(0, 20)]) {
            const found = await repository.listRecords({ q }, { limit: 10 });
            expect(found.items.map((item) => item.cipher_text)).toEqual([cipherText]);
          }
        }
      } finally {
        await db.destroy();
      }
    },
    STORE_TIMEOUT,
  );
});

describe('history migrations from replicas starting together (PostgreSQL)', () => {
  const fixture = new DialectFixture('postgres');
  afterAll(() => fixture.destroy());

  it(
    'migrate once under the advisory lock; the other replicas wait and find it done',
    async () => {
      const url = await fixture.databaseUrl();
      const replicas = await Promise.all(
        Array.from({ length: 4 }, () => openHistoryDatabase({ kind: 'postgres', url })),
      );
      try {
        const applied = await Promise.all(replicas.map((db) => migrateHistory(db)));
        expect(applied.filter((names) => names.length > 0)).toEqual([ALL]);
        expect(applied.filter((names) => names.length === 0)).toHaveLength(3);
        // Every replica can use the schema at once.
        await Promise.all(
          replicas.map((db) => new SqlHistoryRepository(db).addRecord(sampleRecord())),
        );
        const count = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM history_record`.execute(replicas[0]!);
        expect(count.rows[0]?.n).toBe(4);
      } finally {
        await Promise.all(replicas.map((db) => db.destroy()));
      }
    },
    STORE_TIMEOUT,
  );
});
