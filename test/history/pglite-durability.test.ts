// The embedded store (PGlite in a directory) keeps what it acknowledged: across a clean
// restart, and when the process writing to it is killed with SIGKILL mid-stream.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHistoryStore } from '../../src/server/history';
import type { HistoryRepository } from '../../src/server/history';
import { STORE_TIMEOUT, sampleRecord } from './helpers';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'history-pglite-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function allCipherTexts(repository: HistoryRepository): Promise<Set<string>> {
  const found = new Set<string>();
  for await (const item of repository.exportAll({})) {
    if (item.cipher_text !== null) found.add(item.cipher_text);
  }
  return found;
}

describe('PGlite history store', () => {
  it(
    'keeps records, labels and audit events across a restart',
    async () => {
      const dataDir = path.join(root, 'restart');
      const first = await openHistoryStore({ kind: 'pglite', dataDir });
      const { item } = await first.addRecord(sampleRecord({ label: 'before restart' }));
      await first.appendAudit({ actor: 'alice', action: 'encrypt', outcome: 'ok' });
      await first.close();

      const started = performance.now();
      const reopened = await openHistoryStore({ kind: 'pglite', dataDir });
      const reopenMs = performance.now() - started;
      try {
        expect(await reopened.getRecord(item.id)).toEqual(item);
        const audit = await reopened.listAudit({ actor: 'alice' }, { limit: 5 });
        expect(audit.items.map((event) => event.action)).toEqual(['encrypt']);
      } finally {
        await reopened.close();
      }
      // Generous on a shared CI machine; the bench measures the real number.
      expect(reopenMs).toBeLessThan(20_000);
    },
    STORE_TIMEOUT,
  );

  it(
    'keeps every acknowledged record when the writing process is killed with SIGKILL',
    async () => {
      const dataDir = path.join(root, 'killed');
      const fixture = path.join(import.meta.dirname, 'fixtures', 'pglite-writer.ts');
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const acknowledged: string[] = [];
      let inUse: Promise<string> = Promise.resolve('never tried');
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      await new Promise<void>((resolve, reject) => {
        child.once('exit', () => reject(new Error('the writer exited before being killed')));
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (!line.startsWith('acked ')) return;
          acknowledged.push(line.slice('acked '.length));
          if (acknowledged.length === 20) {
            // While the writer lives, a second process must not open the same directory.
            inUse = openHistoryStore({ kind: 'pglite', dataDir }).then(
              async (store) => {
                await store.close();
                return 'opened';
              },
              (error: Error) => error.message,
            );
          }
          if (acknowledged.length === 40) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      expect(await exited).toBe('SIGKILL');
      expect(await inUse).toMatch(`in use by process ${child.pid}`);

      const reopened = await openHistoryStore({ kind: 'pglite', dataDir });
      try {
        const stored = await allCipherTexts(reopened);
        const lost = acknowledged.filter((cipherText) => !stored.has(cipherText));
        expect(lost).toEqual([]);
        expect(stored.size).toBeGreaterThanOrEqual(40);
        // Still writable after the crash.
        expect((await reopened.addRecord(sampleRecord())).created).toBe(true);
      } finally {
        await reopened.close();
      }
    },
    STORE_TIMEOUT * 2,
  );
});
