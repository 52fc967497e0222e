/**
 * Issue 12's acceptance with real console processes (`tsx src/main.ts`, as `npm start` runs
 * it): two consoles on one PostgreSQL see each other's records; the database stopped during 50
 * encryptions and started again loses none of them (every encryption answers, and the client
 * resends what the store did not acknowledge, as the browser's outbox does); the embedded
 * store keeps its records across a restart and `kill -9`; no plaintext reaches any table.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistoryDatabase } from '../../src/server/history/database';
import type { AuditEvent, HistoryItem } from '../../src/shared/console/history';
import { get, post, tempDir } from '../server/helpers';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { scanDatabase } from './helpers';

const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const PROCESS_TIMEOUT = 240_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface ConsoleProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const started: ConsoleProcess[] = [];

async function startConsoleProcess(env: Record<string, string>): Promise<ConsoleProcess> {
  const kmsDir = tempDir('console-process-kms-');
  // Node itself, not npx: a signal must reach the console process, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      CONSOLE_PORT: String(await freePort()),
      CONSOLE_STATIC_DIR: kmsDir,
      LOCAL_KMS_PORT: String(await freePort()),
      LOCAL_KMS_DATA_DIR: kmsDir,
      LOCAL_KMS_SEED: SEED,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /KMS Encrypt Console: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`console exited (${code}): ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running: ConsoleProcess = {
    url,
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      rmSync(kmsDir, { recursive: true, force: true });
    },
  };
  started.push(running);
  return running;
}

afterAll(async () => {
  await Promise.all(started.map((running) => running.stop('SIGKILL')));
});

async function encrypt(url: string, plainText: string, context: Record<string, string>) {
  const answer = await post(`${url}/api/kms/encrypt-data`, {
    key_id: AES_KEY,
    plain_text: plainText,
    encryption_context: context,
  });
  expect(answer.status).toBe(200);
  return (answer.body as { cipher_text: string }).cipher_text;
}

function recordBody(cipherText: string, context: Record<string, string>) {
  return {
    key_id: AES_KEY,
    key_alias: 'e2e/aes-256',
    key_spec: 'AES_256',
    encryption_algorithm: 'SYMMETRIC_DEFAULT',
    encryption_context: context,
    cipher_text: cipherText,
    created_at: new Date().toISOString(),
  };
}

async function saveRecord(url: string, body: unknown): Promise<number> {
  return (await post(`${url}/api/history`, body, { origin: url })).status;
}

async function allRecords(url: string, query = ''): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '200');
    if (cursor !== null) params.set('cursor', cursor);
    const answer = await get(`${url}/api/history?${params.toString()}`);
    expect(answer.status).toBe(200);
    const page = answer.body as { items: HistoryItem[]; next_cursor: string | null };
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

describe('two console processes on one PostgreSQL', () => {
  let postgres: PostgresServer;
  let databaseUrl: string;
  let consoleA: ConsoleProcess;
  let consoleB: ConsoleProcess;
  const plainTexts: string[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('console_processes');
    // Started together: both migrate the empty database, under the advisory lock.
    [consoleA, consoleB] = await Promise.all([
      startConsoleProcess({ DATABASE_URL: databaseUrl }),
      startConsoleProcess({ DATABASE_URL: databaseUrl }),
    ]);
  }, PROCESS_TIMEOUT);

  afterAll(async () => {
    await consoleA?.stop();
    await consoleB?.stop();
    await postgres?.destroy();
  });

  it(
    'each sees the records the other stored',
    async () => {
      const contextA = { written_by: 'alpha-console' };
      const plainA = 'plaintext through console A';
      plainTexts.push(plainA);
      const cipherA = await encrypt(consoleA.url, plainA, contextA);
      expect(await saveRecord(consoleA.url, recordBody(cipherA, contextA))).toBe(201);

      const contextB = { written_by: 'bravo-console' };
      const plainB = 'plaintext through console B';
      plainTexts.push(plainB);
      const cipherB = await encrypt(consoleB.url, plainB, contextB);
      expect(await saveRecord(consoleB.url, recordBody(cipherB, contextB))).toBe(201);

      const seenByB = await allRecords(consoleB.url, 'q=alpha-console');
      expect(seenByB.map((item) => [item.cipher_text, item.encryption_context])).toEqual([
        [cipherA, contextA],
      ]);
      const seenByA = await allRecords(consoleA.url, 'q=bravo-console');
      expect(seenByA.map((item) => item.cipher_text)).toEqual([cipherB]);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'stores all of 50 encryptions although the database stopped and started during them',
    async () => {
      const context = { batch: 'outage' };
      const outbox: unknown[] = [];
      let refused = 0;
      for (let n = 0; n < 50; n += 1) {
        if (n === 10) await postgres.stop();
        if (n === 40) await postgres.start();
        const plainText = `outage plaintext number ${n}`;
        plainTexts.push(plainText);
        // The encryption itself never depends on the store.
        const cipherText = await encrypt(consoleA.url, plainText, context);
        const body = recordBody(cipherText, context);
        const status = await saveRecord(consoleA.url, body);
        if (status === 503) {
          refused += 1;
          outbox.push(body);
        } else {
          expect([200, 201]).toContain(status);
        }
      }
      expect(refused).toBeGreaterThanOrEqual(30);
      // What the browser's outbox does once the store is back: resend until acknowledged.
      for (const body of outbox) expect([200, 201]).toContain(await saveRecord(consoleA.url, body));

      const stored = await allRecords(consoleB.url, 'q=outage');
      expect(stored).toHaveLength(50);
      expect(new Set(stored.map((item) => item.cipher_text)).size).toBe(50);

      // The audit of those encryptions waited in console A's memory and landed too.
      await expect
        .poll(
          async () => {
            const answer = await get(`${consoleB.url}/api/audit?action=encrypt&limit=200`);
            return (answer.body as { items: AuditEvent[] }).items.length;
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(52);
    },
    PROCESS_TIMEOUT,
  );

  it('keeps no plaintext in any table', async () => {
    const db = await openHistoryDatabase({ kind: 'postgres', url: databaseUrl });
    try {
      const { hits, cellsRead } = await scanDatabase(db, plainTexts);
      expect(cellsRead).toBeGreaterThan(500);
      expect(hits).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});

describe('one console process with the embedded store', () => {
  it(
    'keeps its records across a restart and kill -9',
    async () => {
      const dataDir = tempDir('console-process-data-');
      try {
        const context = { durable: 'yes' };
        const first = await startConsoleProcess({ CONSOLE_DATA_DIR: dataDir });
        const cipherBefore = await encrypt(first.url, 'embedded before restart', context);
        expect(await saveRecord(first.url, recordBody(cipherBefore, context))).toBe(201);
        await first.stop('SIGTERM');

        const second = await startConsoleProcess({ CONSOLE_DATA_DIR: dataDir });
        expect((await allRecords(second.url)).map((item) => item.cipher_text)).toEqual([
          cipherBefore,
        ]);
        const cipherKilled = await encrypt(second.url, 'embedded before kill', context);
        expect(await saveRecord(second.url, recordBody(cipherKilled, context))).toBe(201);
        await second.stop('SIGKILL');

        const third = await startConsoleProcess({ CONSOLE_DATA_DIR: dataDir });
        const after = (await allRecords(third.url)).map((item) => item.cipher_text);
        expect(after.sort()).toEqual([cipherBefore, cipherKilled].sort());
        await third.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    PROCESS_TIMEOUT,
  );
});
