import { describe, expect, it } from 'vitest';
import type { HistoryItem } from '../../shared/console/history';
import { RecordBatcher, type AddResult } from './record-batcher';
import type { NewHistoryRecord } from './repository';

function record(actor: string): NewHistoryRecord {
  return {
    actor,
    keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    encryptionContext: {},
    content: { kind: 'text', cipherText: 'QUJD' },
    upstream: { kind: 'local' },
  };
}

/** A write that echoes each record's actor, records its batches and can be held open. */
function recordingWrite(options: { failActor?: string } = {}) {
  const batches: string[][] = [];
  let open = 0;
  let maxOpen = 0;
  const releases: Array<() => void> = [];
  const write = async (records: NewHistoryRecord[]): Promise<AddResult[]> => {
    batches.push(records.map((r) => r.actor));
    open += 1;
    maxOpen = Math.max(maxOpen, open);
    await new Promise<void>((resolve) => releases.push(resolve));
    open -= 1;
    if (records.some((r) => r.actor === options.failActor)) throw new Error('bad record');
    return records.map((r) => ({ item: { actor: r.actor } as HistoryItem, created: true }));
  };
  const releaseAll = async () => {
    while (releases.length > 0 || open > 0) {
      releases.splice(0).forEach((release) => release());
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { write, batches, maxOpen: () => maxOpen, releaseAll };
}

describe('RecordBatcher', () => {
  it('writes a lone record at once, in a batch of its own', async () => {
    const sink = recordingWrite();
    const batcher = new RecordBatcher(sink.write);
    const added = batcher.add(record('solo'));
    expect(sink.batches).toEqual([['solo']]);
    await sink.releaseAll();
    expect((await added).item.actor).toBe('solo');
  });

  it('shares what waits among at most four writes, and answers each caller with its own', async () => {
    const sink = recordingWrite();
    const batcher = new RecordBatcher(sink.write);
    const actors = Array.from({ length: 41 }, (_, index) => `a${index}`);
    const added = actors.map((actor) => batcher.add(record(actor)));
    await sink.releaseAll();
    const results = await Promise.all(added);
    expect(results.map((result) => result.item.actor)).toEqual(actors);
    expect(sink.maxOpen()).toBe(4);
    expect(sink.batches.flat().sort()).toEqual([...actors].sort());
    // More than one record per commit once the writers are busy.
    expect(sink.batches.length).toBeLessThan(actors.length);
  });

  it('fails only the bad record of a batch, not its neighbours', async () => {
    const sink = recordingWrite({ failActor: 'bad' });
    const batcher = new RecordBatcher(sink.write);
    const first = batcher.add(record('first'));
    const rest = ['x', 'bad', 'y', 'z', 'w', 'v', 'u', 'bad2'].map((actor) =>
      batcher.add(record(actor)),
    );
    const outcomes = Promise.allSettled(rest);
    await sink.releaseAll();
    expect((await first).item.actor).toBe('first');
    const settled = await outcomes;
    expect(settled.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });
});
