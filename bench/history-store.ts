/**
 * Team history store: search latency per filter and insert rate on a real PostgreSQL with N
 * records, and the embedded store's (PGlite) start time with M records.
 * Targets (issue 12): search p95 < 50 ms for each filter at 1,000,000 records; inserts
 * ≥ 2,000/s; PGlite start < 2 s at 100,000 records.
 *
 *   npx tsx bench/history-store.ts [--records 1000000] [--pglite-records 100000]
 *     [--samples 40] [--inserts 8000] [--concurrency 50] [--skip-postgres] [--skip-pglite] [--fsync on|off]
 *
 * Records are bulk-loaded with generate_series (the point is reading them, not writing a
 * million through HTTP); inserts are then measured through the repository, as the console
 * makes them. PostgreSQL runs with fsync on, as in production (`--fsync off` to compare).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { openHistoryDatabase, type HistoryStoreLocation } from '../src/server/history/database';
import { migrateHistory } from '../src/server/history/migrate';
import type { HistoryFilters, HistoryRepository } from '../src/server/history/repository';
import { SqlHistoryRepository } from '../src/server/history/sql-repository';
import type { HistoryDatabase } from '../src/server/history/tables';
import { startPostgres } from '../test/support/postgres';
import { percentile, printTable, writeResults } from './lib/report';

const { values: flags } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    'pglite-records': { type: 'string', default: '100000' },
    samples: { type: 'string', default: '40' },
    inserts: { type: 'string', default: '8000' },
    // The 50 connections the console's own throughput benchmarks use: "from the console" means
    // that many encryptions in flight, whose records the repository batches into one commit.
    concurrency: { type: 'string', default: '50' },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-pglite': { type: 'boolean', default: false },
    /** Off measures the CPU cost alone, without this machine's disk flush latency. */
    fsync: { type: 'string', default: 'on' },
  },
  strict: true,
});
const count = (name: keyof typeof flags) => {
  const value = Number(flags[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number`);
  return value;
};

const KEYS = 20;
const ACTORS = 50;
const BASE_TIME = Date.parse('2025-01-01T00:00:00.000Z');
const SPREAD_MS = 360 * 24 * 3600 * 1000;
const LOAD_CHUNK = 50_000;

/** Bulk load with the trigger and indexes of the schema in place, chunk by chunk. */
async function bulkLoad(db: Kysely<HistoryDatabase>, total: number): Promise<number> {
  const started = performance.now();
  const stepMs = Math.max(1, Math.floor(SPREAD_MS / total));
  // The trigram index is rebuilt once at the end instead of updated row by row.
  const index = await sql<{ definition: string }>`
    SELECT pg_get_indexdef('history_record_search'::regclass) AS definition`.execute(db);
  await sql`DROP INDEX history_record_search`.execute(db);
  for (let start = 0; start < total; start += LOAD_CHUNK) {
    const end = Math.min(total, start + LOAD_CHUNK) - 1;
    await sql`
      INSERT INTO history_record (id, created_at, actor, label, key_id, key_alias, key_spec,
        encryption_algorithm, encryption_context, cipher_text, upstream_kind, dedupe_key)
      SELECT gen_random_uuid(),
        ${new Date(BASE_TIME).toISOString()}::timestamptz + (i::float8 * ${stepMs}) * interval '1 millisecond',
        'user-' || (i % ${ACTORS}),
        CASE WHEN i % 10 = 0 THEN 'label ' || (i % 1000) END,
        '00000000-0000-4000-8000-' || lpad((i % ${KEYS})::text, 12, '0'),
        'bench/key-' || (i % ${KEYS}), 'AES_256', 'SYMMETRIC_DEFAULT',
        jsonb_build_object('team', 'team-' || (i % 100), 'ticket', 'OPS-' || i),
        c.cipher, 'local', encode(sha256(convert_to('text' || E'\n' || c.cipher, 'UTF8')), 'hex')
      FROM generate_series(${start}::int, ${end}::int) AS i,
      LATERAL (SELECT replace(encode(sha512(convert_to(i::text, 'UTF8'))
        || sha512(convert_to(i::text || 'x', 'UTF8'))
        || sha512(convert_to(i::text || 'y', 'UTF8')), 'base64'), E'\n', '') AS cipher) AS c
    `.execute(db);
    process.stdout.write(`\r  loaded ${end + 1} / ${total}`);
  }
  process.stdout.write('\n');
  await sql.raw(index.rows[0]!.definition).execute(db);
  await sql`ANALYZE history_record`.execute(db);
  return (performance.now() - started) / 1000;
}

interface FilterCase {
  name: string;
  filters: (n: number) => HistoryFilters;
  /** Reads the second page, through the cursor of the first. */
  secondPage?: boolean;
}

function filterCases(total: number, cipherPrefix: string): FilterCase[] {
  const day = (n: number) => new Date(BASE_TIME + ((n * 7919) % 350) * 24 * 3600 * 1000);
  return [
    { name: 'none (newest)', filters: () => ({}) },
    { name: 'cursor (page 2)', filters: () => ({}), secondPage: true },
    {
      name: 'key_id',
      filters: (n) => ({ keyId: `00000000-0000-4000-8000-${String(n % KEYS).padStart(12, '0')}` }),
    },
    { name: 'actor', filters: (n) => ({ actor: `user-${n % ACTORS}` }) },
    { name: 'from', filters: (n) => ({ from: day(n) }) },
    { name: 'to', filters: (n) => ({ to: day(n) }) },
    {
      name: 'from + to (1 day)',
      filters: (n) => ({ from: day(n), to: new Date(day(n).getTime() + 24 * 3600 * 1000) }),
    },
    { name: 'q: label', filters: (n) => ({ q: `label ${(n * 37) % 1000}` }) },
    { name: 'q: context value', filters: (n) => ({ q: `ops-${(n * 104_729) % total}` }) },
    { name: 'q: context (common)', filters: (n) => ({ q: `team-${n % 100}` }) },
    { name: 'q: alias', filters: (n) => ({ q: `bench/key-${n % KEYS}` }) },
    { name: 'q: date', filters: (n) => ({ q: day(n).toISOString().slice(0, 10) }) },
    { name: 'q: ciphertext prefix', filters: () => ({ q: cipherPrefix }) },
    { name: 'q: no match', filters: (n) => ({ q: `zzq${n}xx` }) },
    {
      name: 'key_id + actor + q',
      filters: (n) => ({
        keyId: `00000000-0000-4000-8000-${String(n % KEYS).padStart(12, '0')}`,
        actor: `user-${n % ACTORS}`,
        q: 'team',
      }),
    },
  ];
}

async function searchLatencies(
  repository: HistoryRepository,
  cases: FilterCase[],
  samples: number,
) {
  const rows: { name: string; p50: number; p95: number; max: number }[] = [];
  for (const testCase of cases) {
    const times: number[] = [];
    for (let n = 0; n < samples + 3; n += 1) {
      const filters = testCase.filters(n);
      const started = performance.now();
      const page = await repository.listRecords(filters, { limit: 50 });
      if (testCase.secondPage && page.next_cursor !== null) {
        await repository.listRecords(filters, { limit: 50, cursor: page.next_cursor });
      }
      // The first runs warm the cache and the JIT; they are not counted.
      if (n >= 3) times.push(performance.now() - started);
    }
    rows.push({
      name: testCase.name,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: Math.max(...times),
    });
  }
  return rows;
}

async function insertRate(repository: HistoryRepository, total: number, concurrency: number) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await repository.addRecord({
          actor: 'bench-writer',
          keyId: '00000000-0000-4000-8000-000000000001',
          encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
          encryptionContext: { bench: 'insert' },
          content: { kind: 'text', cipherText: randomBytes(180).toString('base64') },
          upstream: { kind: 'local' },
        });
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function benchPostgres() {
  const total = count('records');
  const fsync = flags.fsync !== 'off';
  console.log(`PostgreSQL 15 with ${total} records (fsync ${fsync ? 'on' : 'off'})`);
  const server = await startPostgres({ fsync, settings: { maintenance_work_mem: '256MB' } });
  try {
    const url = await server.createDatabase('history_bench');
    const location: HistoryStoreLocation = { kind: 'postgres', url, poolSize: 10 };
    const db = await openHistoryDatabase(location);
    await migrateHistory(db);
    const loadSeconds = await bulkLoad(db, total);
    const prefix = await sql<{ p: string }>`
      SELECT left(cipher_text, 16) AS p FROM history_record LIMIT 1`.execute(db);
    const repository = new SqlHistoryRepository(db);
    const search = await searchLatencies(
      repository,
      filterCases(total, prefix.rows[0]!.p),
      count('samples'),
    );
    const insertsPerSecond = await insertRate(repository, count('inserts'), count('concurrency'));
    await repository.close();
    return { records: total, fsync, loadSeconds, search, insertsPerSecond };
  } finally {
    await server.destroy();
  }
}

async function benchPglite() {
  const total = count('pglite-records');
  console.log(`PGlite with ${total} records`);
  const root = await mkdtemp(path.join(os.tmpdir(), 'history-bench-pglite-'));
  try {
    const location: HistoryStoreLocation = { kind: 'pglite', dataDir: path.join(root, 'history') };
    const db = await openHistoryDatabase(location);
    await migrateHistory(db);
    const loadSeconds = await bulkLoad(db, total);
    const insertsPerSecond = await insertRate(new SqlHistoryRepository(db), 1000, 1);
    await db.destroy();
    const starts: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      const reopened = await openHistoryDatabase(location);
      await migrateHistory(reopened);
      await new SqlHistoryRepository(reopened).listRecords({}, { limit: 50 });
      starts.push(performance.now() - started);
      await reopened.destroy();
    }
    return { records: total, loadSeconds, insertsPerSecond, startMs: starts };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const results: Record<string, unknown> = { loadAverage: os.loadavg()[0] };
if (!flags['skip-postgres']) {
  const postgres = await benchPostgres();
  results.postgres = postgres;
  printTable(
    `Search on ${postgres.records} records (first page of 50; ms)`,
    ['filter', 'p50', 'p95', 'max', 'p95 < 50 ms'],
    postgres.search.map((row) => [
      row.name,
      row.p50.toFixed(1),
      row.p95.toFixed(1),
      row.max.toFixed(1),
      row.p95 < 50 ? 'yes' : 'NO',
    ]),
  );
  console.log(`\nInserts through the repository: ${postgres.insertsPerSecond.toFixed(0)}/s`);
  console.log(`Bulk load: ${postgres.loadSeconds.toFixed(1)} s`);
}
if (!flags['skip-pglite']) {
  const pglite = await benchPglite();
  results.pglite = pglite;
  console.log(
    `\nPGlite, ${pglite.records} records: start (open + migration check + first page) ` +
      `${pglite.startMs.map((ms) => ms.toFixed(0)).join(' / ')} ms; ` +
      `inserts ${pglite.insertsPerSecond.toFixed(0)}/s one at a time`,
  );
}
writeResults('history-store', results);
