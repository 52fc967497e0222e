// A real PostgreSQL server shared by two consoles, and stopped under a writer's feet.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPageSchema } from '../../src/shared/console/history';
import { historyRoutes } from '../../src/server/history/routes';
import { startPostgres, type PostgresServer } from '../support/postgres';
import { STORE_TIMEOUT, openStore, randomCipherText, sampleRecord, KEY_A } from './helpers';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
}, STORE_TIMEOUT);
afterAll(async () => {
  await server?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two consoles on one database', () => {
  it(
    'each sees the records the other wrote, and one pages through both',
    async () => {
      const url = await server.createDatabase('two_consoles');
      const [first, second] = await Promise.all([
        openStore({ kind: 'postgres', url }),
        openStore({ kind: 'postgres', url }),
      ]);
      try {
        const fromFirst = await first.repository.addRecord(sampleRecord({ actor: 'one' }));
        const fromSecond = await second.repository.addRecord(sampleRecord({ actor: 'two' }));
        const seenBySecond = await second.repository.getRecord(fromFirst.item.id);
        expect(seenBySecond).toEqual(fromFirst.item);
        const seenByFirst = await first.repository.listRecords({ actor: 'two' }, { limit: 5 });
        expect(seenByFirst.items).toEqual([fromSecond.item]);
        // A label changed by one is the label the other reads.
        await first.repository.updateLabel(fromSecond.item.id, 'checked by one');
        expect((await second.repository.getRecord(fromSecond.item.id))?.label).toBe(
          'checked by one',
        );
      } finally {
        await Promise.all([first.repository.close(), second.repository.close()]);
      }
    },
    STORE_TIMEOUT,
  );
});

describe('the database stops during 50 encryptions', () => {
  let app: FastifyInstance;
  let baseUrl: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const url = await server.createDatabase('outage');
    const store = await openStore({ kind: 'postgres', url });
    close = () => store.repository.close();
    app = Fastify();
    await app.register(historyRoutes, {
      repository: store.repository,
      actorOf: () => 'outage-writer',
      upstreamOf: () => ({ kind: 'local' }),
    });
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  }, STORE_TIMEOUT);
  afterAll(async () => {
    await app?.close();
    await close?.();
  });

  it(
    'keeps all 50: a record is acknowledged only once stored, and the sender retries until it is',
    async () => {
      const cipherTexts = Array.from({ length: 50 }, () => randomCipherText());
      let acknowledged = 0;
      let unavailableAnswers = 0;
      let outageStarted!: () => void;
      const tenAcknowledged = new Promise<void>((resolve) => (outageStarted = resolve));

      // What the browser's outbox does: resend until the server says the record is stored.
      const writer = (async () => {
        for (const cipherText of cipherTexts) {
          for (;;) {
            const response = await fetch(`${baseUrl}/api/history`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                key_id: KEY_A,
                encryption_algorithm: 'SYMMETRIC_DEFAULT',
                encryption_context: { run: 'outage' },
                cipher_text: cipherText,
              }),
            });
            if (response.status === 201 || response.status === 200) break;
            expect(response.status).toBe(503);
            expect(await response.json()).toMatchObject({ error: { error_code: 'CONSOLE.0104' } });
            unavailableAnswers += 1;
            await sleep(100);
          }
          acknowledged += 1;
          if (acknowledged === 10) outageStarted();
        }
      })();

      await tenAcknowledged;
      await server.stop();
      await sleep(1500);
      await server.start();
      await writer;

      expect(unavailableAnswers).toBeGreaterThan(0);
      const page = historyPageSchema.parse(
        await (await fetch(`${baseUrl}/api/history?actor=outage-writer&limit=200`)).json(),
      );
      expect(page.items).toHaveLength(50);
      expect(new Set(page.items.map((item) => item.cipher_text))).toEqual(new Set(cipherTexts));
    },
    STORE_TIMEOUT,
  );
});
