// The history API on a bare Fastify instance over a PGlite store in a temporary directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPageSchema,
  historyPageSchema,
  historyRecordAnswerSchema,
  type HistoryItem,
} from '../../src/shared/console/history';
import { historyRoutes } from '../../src/server/history/routes';
import {
  KEY_A,
  KEY_B,
  STORE_TIMEOUT,
  encryptForTest,
  openStore,
  randomCipherText,
  scanDatabase,
  type TestStore,
} from './helpers';

let dataDir: string;
let store: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'history-routes-'));
  store = await openStore({ kind: 'pglite', dataDir: path.join(dataDir, 'history') });
  app = Fastify();
  await app.register(historyRoutes, {
    repository: store.repository,
    // Stands in for the session or SSO identity the console will pass.
    actorOf: (request) => String(request.headers['x-test-actor'] ?? 'anonymous'),
    upstreamOf: () => ({ kind: 'cloud', region: 'cn-north-4', project_id: 'proj-1' }),
  });
  await app.ready();
}, STORE_TIMEOUT);

afterAll(async () => {
  await app?.close();
  await store?.repository.close();
  await rm(dataDir, { recursive: true, force: true });
});

function recordBody(overrides: Record<string, unknown> = {}) {
  return {
    key_id: KEY_A,
    key_alias: 'team/aes',
    key_spec: 'AES_256',
    encryption_algorithm: 'SYMMETRIC_DEFAULT',
    encryption_context: { app: 'billing' },
    cipher_text: randomCipherText(),
    ...overrides,
  };
}

async function post(url: string, body: unknown, actor = 'alice') {
  return app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: { 'x-test-actor': actor },
  });
}

async function addRecord(overrides: Record<string, unknown> = {}, actor = 'alice') {
  const response = await post('/api/history', recordBody(overrides), actor);
  expect(response.statusCode).toBe(201);
  return historyRecordAnswerSchema.parse(response.json()).item;
}

function expectError(
  response: { statusCode: number; json(): unknown },
  status: number,
  code: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.json()).toEqual({ error: { error_code: code, error_msg: expect.any(String) } });
}

describe('POST /api/history', () => {
  it('stores a record as the caller, through this console upstream, once', async () => {
    const body = recordBody({ label: 'invoice run' });
    const first = await post('/api/history', body, 'dana');
    expect(first.statusCode).toBe(201);
    const { item, created } = historyRecordAnswerSchema.parse(first.json());
    expect(created).toBe(true);
    expect(item).toMatchObject({
      actor: 'dana',
      label: 'invoice run',
      cipher_text: body.cipher_text,
      upstream: { kind: 'cloud', region: 'cn-north-4', project_id: 'proj-1' },
    });
    const retry = await post('/api/history', body, 'dana');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual({ item, created: false });
  });

  it('refuses a plaintext, an unknown field, or a record with both or neither content', async () => {
    expectError(
      await post('/api/history', recordBody({ plain_text: 'hello' })),
      400,
      'CONSOLE.0103',
    );
    expectError(await post('/api/history', recordBody({ actor: 'mallory' })), 400, 'CONSOLE.0103');
    expectError(await post('/api/history', recordBody({ cipher_text: null })), 400, 'CONSOLE.0103');
    const file = { name: 'a.txt', size: 3, fingerprint: 'ef'.repeat(32) };
    expectError(await post('/api/history', recordBody({ file })), 400, 'CONSOLE.0103');
    expectError(await post('/api/history', recordBody({ key_id: 'nope' })), 400, 'CONSOLE.0103');
    const nul = recordBody({ encryption_context: { 'a\u0000': 'b' } });
    expectError(await post('/api/history', nul), 400, 'CONSOLE.0103');
    const fileOnly = await post('/api/history', recordBody({ cipher_text: null, file }));
    expect(fileOnly.statusCode).toBe(201);
  });
});

describe('GET /api/history', () => {
  it('filters, searches and pages with next_cursor', async () => {
    for (let n = 0; n < 5; n += 1) {
      await addRecord({ key_id: KEY_B, encryption_context: { batch: 'paging-run' } }, 'erin');
    }
    const first = await app.inject(`/api/history?actor=erin&key_id=${KEY_B}&limit=3`);
    expect(first.statusCode).toBe(200);
    const page1 = historyPageSchema.parse(first.json());
    expect(page1.items).toHaveLength(3);
    const second = await app.inject(
      `/api/history?actor=erin&key_id=${KEY_B}&limit=3&cursor=${page1.next_cursor}`,
    );
    const page2 = historyPageSchema.parse(second.json());
    expect(page2.items).toHaveLength(2);
    expect(page2.next_cursor).toBeNull();
    const ids = new Set([...page1.items, ...page2.items].map((item) => item.id));
    expect(ids.size).toBe(5);

    const searched = historyPageSchema.parse(
      (await app.inject('/api/history?q=PAGING-RUN%20erin')).json(),
    );
    expect(searched.items).toHaveLength(5);
    const future = historyPageSchema.parse(
      (await app.inject('/api/history?actor=erin&from=2999-01-01T00:00:00Z')).json(),
    );
    expect(future.items).toEqual([]);
  });

  it('answers bad queries in the KMS error shape', async () => {
    expectError(await app.inject('/api/history?limit=0'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?limit=500'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?limit=ten'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?from=yesterday'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?key_id=x'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?sort=asc'), 400, 'CONSOLE.0100');
    expectError(await app.inject('/api/history?cursor=bogus'), 400, 'CONSOLE.0101');
  });
});

describe('PATCH and DELETE /api/history/:id', () => {
  it('relabel and soft-delete, each audited with the record and key', async () => {
    const item = await addRecord({}, 'frank');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/history/${item.id}`,
      payload: { label: 'Q3 keys' },
      headers: { 'x-test-actor': 'frank' },
    });
    expect(patched.statusCode).toBe(200);
    expect((patched.json() as { item: HistoryItem }).item.label).toBe('Q3 keys');

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/history/${item.id}`,
      headers: { 'x-test-actor': 'frank' },
    });
    expect(deleted.statusCode).toBe(204);
    const again = await app.inject({
      method: 'DELETE',
      url: `/api/history/${item.id}`,
      headers: { 'x-test-actor': 'frank' },
    });
    expectError(again, 404, 'CONSOLE.0102');
    const listed = historyPageSchema.parse((await app.inject('/api/history?actor=frank')).json());
    expect(listed.items).toEqual([]);

    const audit = auditPageSchema.parse((await app.inject('/api/audit?actor=frank')).json());
    expect(
      audit.items.map((event) => [event.action, event.outcome, event.record_id, event.key_id]),
    ).toEqual([
      ['history.delete', 'CONSOLE.0102', null, null],
      ['history.delete', 'ok', item.id, KEY_A],
      ['history.label', 'ok', item.id, KEY_A],
    ]);
    expect(audit.items.every((event) => event.request_id !== null)).toBe(true);
  });

  it('refuses a bad label and an unknown record', async () => {
    const item = await addRecord();
    const long = await app.inject({
      method: 'PATCH',
      url: `/api/history/${item.id}`,
      payload: { label: 'x'.repeat(201) },
    });
    expectError(long, 400, 'CONSOLE.0103');
    const unknown = await app.inject({
      method: 'PATCH',
      url: '/api/history/not-a-record',
      payload: { label: 'x' },
    });
    expectError(unknown, 404, 'CONSOLE.0102');
  });
});

describe('export and import', () => {
  it('exports JSON that imports back as all duplicates, and CSV a spreadsheet will not run', async () => {
    await addRecord(
      { label: '=HYPERLINK("http://evil")', encryption_context: { a: 'b,c' } },
      'gina',
    );
    const json = await app.inject('/api/history/export?format=json&actor=gina');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(
      /attachment; filename="kms-history-.*\.json"/,
    );
    const document = json.json() as { format: string; items: HistoryItem[] };
    expect(document.format).toBe('kms-encrypt-console/history-server');
    expect(document.items).toHaveLength(1);

    const reimport = await post('/api/history/import', { items: document.items }, 'gina');
    expect(reimport.json()).toEqual({ imported: 0, skipped: 1 });

    const csv = await app.inject('/api/history/export?format=csv&actor=gina');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,created_at,actor,label,key_id,key_alias,key_spec,encryption_algorithm,' +
        'encryption_context,cipher_text,file_name,file_size,file_fingerprint,upstream',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,gina,"'=HYPERLINK(""http://evil"")",${KEY_A},`);
    expect(lines[1]).toContain('"{""a"":""b,c""}"');
    expectError(await app.inject('/api/history/export?format=xml'), 400, 'CONSOLE.0100');
  });

  it('imports a browser history (or its export file), skipping what it already has', async () => {
    const entry = (n: number) => ({
      id: `entry-${n}`,
      createdAt: `2026-02-0${n}T12:00:00.000Z`,
      keyId: KEY_A,
      keyAlias: 'team/aes',
      keySpec: 'AES_256',
      algorithm: 'SYMMETRIC_DEFAULT',
      encryptionContext: { imported: 'yes' },
      cipherText: randomCipherText(),
    });
    const entries = [entry(1), entry(2), entry(3)];
    const exportFile = {
      format: 'kms-encrypt-console/history',
      version: 1,
      exportedAt: '2026-02-10T00:00:00.000Z',
      entries,
    };
    const first = await post('/api/history/import', exportFile, 'hana');
    expect(first.json()).toEqual({ imported: 3, skipped: 0 });
    const second = await post('/api/history/import', { entries: [...entries, entry(4)] }, 'hana');
    expect(second.json()).toEqual({ imported: 1, skipped: 3 });
    const listed = historyPageSchema.parse((await app.inject('/api/history?actor=hana')).json());
    expect(listed.items.map((item) => item.created_at)).toEqual([
      '2026-02-04T12:00:00.000Z',
      '2026-02-03T12:00:00.000Z',
      '2026-02-02T12:00:00.000Z',
      '2026-02-01T12:00:00.000Z',
    ]);

    const withPlaintext = { entries: [{ ...entry(5), plainText: 'secret' }] };
    expectError(await post('/api/history/import', withPlaintext, 'hana'), 400, 'CONSOLE.0103');
    const audit = auditPageSchema.parse(
      (await app.inject('/api/audit?actor=hana&action=history.import')).json(),
    );
    expect(audit.items.map((event) => event.outcome)).toEqual(['ok', 'ok']);
  });
});

describe('GET /api/audit', () => {
  it('filters by outcome and refuses unknown actions', async () => {
    const failed = auditPageSchema.parse(
      (await app.inject('/api/audit?outcome=CONSOLE.0102')).json(),
    );
    expect(failed.items.length).toBeGreaterThan(0);
    expect(failed.items.every((event) => event.outcome === 'CONSOLE.0102')).toBe(true);
    expectError(await app.inject('/api/audit?action=drop-table'), 400, 'CONSOLE.0100');
  });
});

describe('what the database holds', () => {
  it('never a plaintext nor a data key, in any column of any table', async () => {
    const plainTexts = ['Top secret: launch codes 0000', 'salary of bob = 123456', '机密数据'];
    const secrets: string[] = [...plainTexts];
    for (const plainText of plainTexts) {
      const { cipherText, dataKey } = encryptForTest(plainText);
      secrets.push(dataKey.toString('base64'), dataKey.toString('hex'));
      await addRecord({ cipher_text: cipherText, label: 'scan test' }, 'ivan');
      // A client that sends the plaintext along is refused, not stored without it.
      const leaky = await post(
        '/api/history',
        recordBody({ cipher_text: cipherText, plain_text: plainText }),
      );
      expect(leaky.statusCode).toBe(400);
    }
    const { hits, cellsRead } = await scanDatabase(store.db, secrets);
    expect(cellsRead).toBeGreaterThan(100);
    expect(hits).toEqual([]);
    // The scan does find what is there: the label it was given.
    expect((await scanDatabase(store.db, ['scan test'])).hits).toContain(
      'history_record.label: scan test',
    );
  });
});
