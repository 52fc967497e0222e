// The one repository, run against both of its databases: PGlite and a real PostgreSQL 15.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryError } from '../../src/server/history/errors';
import {
  DialectFixture,
  KEY_A,
  KEY_B,
  STORE_TIMEOUT,
  randomCipherText,
  sampleRecord,
  type DialectName,
  type TestStore,
} from './helpers';

const DIALECTS: DialectName[] = ['pglite', 'postgres'];

describe.each(DIALECTS)('HistoryRepository on %s', (dialect) => {
  const fixture = new DialectFixture(dialect);
  let store: TestStore;

  beforeAll(async () => {
    store = await fixture.open();
  }, STORE_TIMEOUT);
  afterAll(async () => {
    await store?.repository.close();
    await fixture.destroy();
  });
  beforeEach(async () => {
    // Records only: the audit table refuses deletes, so audit tests use their own actors.
    await sql`DELETE FROM history_record`.execute(store.db);
  });

  it('stores a record and gives back every field, once per ciphertext', async () => {
    const record = sampleRecord({ label: 'payroll', keySpec: 'AES_256' });
    const first = await store.repository.addRecord(record);
    expect(first.created).toBe(true);
    expect(first.item).toMatchObject({
      actor: 'alice',
      label: 'payroll',
      key_id: KEY_A,
      key_alias: 'team/aes',
      key_spec: 'AES_256',
      encryption_algorithm: 'SYMMETRIC_DEFAULT',
      encryption_context: { env: 'prod' },
      file: null,
      upstream: { kind: 'local' },
    });
    expect(first.item.cipher_text).toBe(
      record.content.kind === 'text' ? record.content.cipherText : 'wrong kind',
    );
    const again = await store.repository.addRecord({ ...record, actor: 'bob' });
    expect(again).toEqual({ item: first.item, created: false });
    expect((await store.repository.listRecords({}, { limit: 10 })).items).toHaveLength(1);
  });

  it('acknowledges concurrent adds one by one, a duplicate as such, and fails only a bad record', async () => {
    const records = Array.from({ length: 40 }, () => sampleRecord());
    const twin = { ...records[7]!, actor: 'twin' };
    // PostgreSQL refuses a NUL character in text: this record cannot be stored.
    const broken = sampleRecord({ label: 'bad\u0000label' });
    const settled = await Promise.allSettled(
      [...records, twin, broken].map((record) => store.repository.addRecord(record)),
    );
    const results = settled.slice(0, 41).map((outcome) => {
      if (outcome.status === 'rejected') throw outcome.reason;
      return outcome.value;
    });
    expect(settled[41]?.status).toBe('rejected');
    expect(results.filter((result) => result.created)).toHaveLength(40);
    expect(results[40]).toEqual({ item: results[7]!.item, created: false });
    expect(new Set(results.map((result) => result.item.id)).size).toBe(40);
    expect((await store.repository.listRecords({}, { limit: 100 })).items).toHaveLength(40);
  });

  it('stores a file record by fingerprint, name and size, and its upstream', async () => {
    const fingerprint = 'ab'.repeat(32);
    const { item } = await store.repository.addRecord(
      sampleRecord({
        content: { kind: 'file', file: { name: 'report.pdf', size: 5_000_000_000, fingerprint } },
        upstream: { kind: 'cloud', region: 'cn-north-4', project_id: 'p123' },
      }),
    );
    expect(item.cipher_text).toBeNull();
    expect(item.file).toEqual({ name: 'report.pdf', size: 5_000_000_000, fingerprint });
    expect(item.upstream).toEqual({ kind: 'cloud', region: 'cn-north-4', project_id: 'p123' });
    expect((await store.repository.getRecord(item.id))?.file?.size).toBe(5_000_000_000);
  });

  it('pages newest first with a keyset cursor: every record once, then null', async () => {
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    // Pairs share a millisecond, so the id has to break ties.
    const records = Array.from({ length: 25 }, (_, n) =>
      sampleRecord({ createdAt: new Date(base + Math.floor(n / 2) * 1000) }),
    );
    await store.repository.importRecords(records);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.repository.listRecords({}, { limit: 10, cursor });
      seen.push(...page.items.map((item) => `${item.created_at}|${item.id}`));
      cursor = page.next_cursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const sorted = [...seen].sort().reverse();
    expect(seen).toEqual(sorted);
  });

  it('finds a record by its whole ciphertext pasted into the search, or by its start', async () => {
    const cipherText = randomCipherText();
    const { item } = await store.repository.addRecord(
      sampleRecord({ content: { kind: 'text', cipherText } }),
    );
    await store.repository.addRecord(sampleRecord());
    for (const q of [cipherText, cipherText.slice(0, 30), cipherText.slice(0, 12)]) {
      const found = await store.repository.listRecords({ q }, { limit: 50 });
      expect(found.items.map((record) => record.id)).toEqual([item.id]);
    }
  });

  it('pages through search results, whether matches are common or rare', async () => {
    const base = Date.parse('2026-02-01T00:00:00.000Z');
    await store.repository.importRecords(
      Array.from({ length: 30 }, (_, n) =>
        sampleRecord({
          createdAt: new Date(base + n * 60_000),
          label: n % 2 === 0 ? `alpha ${n}` : `beta ${n}`,
        }),
      ),
    );
    const labels: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.repository.listRecords({ q: 'ALPHA' }, { limit: 4, cursor });
      labels.push(...page.items.map((item) => item.label ?? ''));
      cursor = page.next_cursor ?? undefined;
    } while (cursor !== undefined);
    expect(labels).toEqual(Array.from({ length: 15 }, (_, n) => `alpha ${28 - 2 * n}`));
    // A month or a day in the query is a time range.
    expect(
      (await store.repository.listRecords({ q: '2026-02' }, { limit: 50 })).items,
    ).toHaveLength(30);
    expect(
      (await store.repository.listRecords({ q: '2026-02-01 beta' }, { limit: 50 })).items,
    ).toHaveLength(15);
    expect((await store.repository.listRecords({ q: '2026-01' }, { limit: 50 })).items).toEqual([]);
  });

  it('refuses a cursor it did not write', async () => {
    for (const cursor of ['nope', Buffer.from('["x","y"]').toString('base64url'), '']) {
      await expect(store.repository.listRecords({}, { limit: 5, cursor })).rejects.toSatisfy(
        (error) => error instanceof HistoryError && error.code === 'CONSOLE.0101',
      );
    }
  });

  it('filters by key, actor and time, and searches label, context, alias, algorithm, date and ciphertext', async () => {
    const rsaCipher = randomCipherText();
    await store.repository.importRecords([
      sampleRecord({
        createdAt: new Date('2026-03-01T10:00:00.000Z'),
        label: 'Quarterly Payroll',
        encryptionContext: { department: 'finance' },
      }),
      sampleRecord({
        createdAt: new Date('2026-03-02T10:00:00.000Z'),
        actor: 'bob',
        keyId: KEY_B,
        keyAlias: 'team/rsa',
        keySpec: 'RSA_2048',
        encryptionAlgorithm: 'RSAES_OAEP_SHA_256',
        encryptionContext: {},
        content: { kind: 'text', cipherText: rsaCipher },
      }),
      sampleRecord({ createdAt: new Date('2026-03-03T10:00:00.000Z'), actor: 'carol' }),
    ]);
    const actorsOf = async (filters: Parameters<typeof store.repository.listRecords>[0]) =>
      (await store.repository.listRecords(filters, { limit: 50 })).items.map((item) => item.actor);

    expect(await actorsOf({ keyId: KEY_B })).toEqual(['bob']);
    expect(await actorsOf({ actor: 'carol' })).toEqual(['carol']);
    expect(
      await actorsOf({
        from: new Date('2026-03-02T00:00:00.000Z'),
        to: new Date('2026-03-02T23:59:59.999Z'),
      }),
    ).toEqual(['bob']);
    expect(await actorsOf({ q: 'payroll' })).toEqual(['alice']);
    expect(await actorsOf({ q: 'DEPARTMENT' })).toEqual(['alice']);
    expect(await actorsOf({ q: 'finance quarterly' })).toEqual(['alice']);
    expect(await actorsOf({ q: 'finance bob' })).toEqual([]);
    expect(await actorsOf({ q: 'team/rsa' })).toEqual(['bob']);
    expect(await actorsOf({ q: 'oaep_sha_256' })).toEqual(['bob']);
    expect(await actorsOf({ q: '2026-03-03' })).toEqual(['carol']);
    expect(await actorsOf({ q: rsaCipher.slice(0, 24) })).toEqual(['bob']);
    expect(await actorsOf({ q: 'carol', actor: 'carol', keyId: KEY_A })).toEqual(['carol']);
    // LIKE wildcards in a query are literal characters, not "anything".
    expect(await actorsOf({ q: '%' })).toEqual([]);
    expect(await actorsOf({ q: 'e_v' })).toEqual([]);
    expect(await actorsOf({ q: 'env' })).toHaveLength(1);
  });

  it('changes a label, soft-deletes, and says null for a record it does not have', async () => {
    const { item } = await store.repository.addRecord(sampleRecord());
    expect((await store.repository.updateLabel(item.id, 'renamed'))?.label).toBe('renamed');
    expect(
      (await store.repository.listRecords({ q: 'renamed' }, { limit: 5 })).items.map((i) => i.id),
    ).toEqual([item.id]);
    expect((await store.repository.updateLabel(item.id, null))?.label).toBeNull();

    expect((await store.repository.softDelete(item.id))?.id).toBe(item.id);
    expect(await store.repository.getRecord(item.id)).toBeNull();
    expect(await store.repository.softDelete(item.id)).toBeNull();
    expect(await store.repository.updateLabel(item.id, 'x')).toBeNull();
    expect((await store.repository.listRecords({}, { limit: 5 })).items).toEqual([]);
    const exported: string[] = [];
    for await (const exportedItem of store.repository.exportAll({})) exported.push(exportedItem.id);
    expect(exported).toEqual([]);
    // Still in the table: deleting hides, it does not destroy what decryption needs.
    const kept = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM history_record WHERE id = ${item.id}`.execute(store.db);
    expect(kept.rows[0]?.n).toBe(1);

    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(await store.repository.getRecord(id)).toBeNull();
      expect(await store.repository.updateLabel(id, 'x')).toBeNull();
      expect(await store.repository.softDelete(id)).toBeNull();
    }
  });

  it('imports what is new and skips duplicates, within the batch and against the store', async () => {
    const existing = sampleRecord();
    await store.repository.addRecord(existing);
    const fresh = Array.from({ length: 1200 }, () => sampleRecord());
    const result = await store.repository.importRecords([existing, ...fresh, fresh[0]!]);
    expect(result).toEqual({ imported: 1200, skipped: 2 });
    expect(await store.repository.importRecords(fresh)).toEqual({ imported: 0, skipped: 1200 });

    let exported = 0;
    for await (const item of store.repository.exportAll({ actor: 'alice' })) {
      expect(item.actor).toBe('alice');
      exported += 1;
    }
    expect(exported).toBe(1201);
  });

  it('appends audit events, lists them by filter and cursor, and the table refuses changes', async () => {
    const actor = `auditor-${dialect}`;
    for (let n = 0; n < 7; n += 1) {
      await store.repository.appendAudit({
        actor,
        action: n % 2 === 0 ? 'encrypt' : 'decrypt',
        keyId: KEY_A,
        outcome: n === 3 ? 'KMS.0207' : 'ok',
        requestId: `req-${n}`,
      });
    }
    const firstPage = await store.repository.listAudit({ actor }, { limit: 5 });
    expect(firstPage.items).toHaveLength(5);
    expect(firstPage.next_cursor).not.toBeNull();
    const secondPage = await store.repository.listAudit(
      { actor },
      { limit: 5, cursor: firstPage.next_cursor! },
    );
    expect(secondPage.items).toHaveLength(2);
    expect(secondPage.next_cursor).toBeNull();
    const requestIds = [...firstPage.items, ...secondPage.items].map((event) => event.request_id);
    expect(new Set(requestIds).size).toBe(7);

    const failed = await store.repository.listAudit({ actor, outcome: 'KMS.0207' }, { limit: 5 });
    expect(failed.items.map((event) => [event.action, event.request_id])).toEqual([
      ['decrypt', 'req-3'],
    ]);
    expect(
      (await store.repository.listAudit({ actor, action: 'encrypt' }, { limit: 9 })).items,
    ).toHaveLength(4);

    await expect(sql`UPDATE audit_event SET outcome = 'ok'`.execute(store.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_event`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_event`.execute(store.db)).rejects.toThrow(/append-only/);
    expect((await store.repository.listAudit({ actor }, { limit: 50 })).items).toHaveLength(7);
  });
});
