import { describe, expect, it } from 'vitest';
import {
  HISTORY_BACKUP_KEY,
  HISTORY_STORAGE_KEY,
  HistoryStore,
  mergeEntries,
  parseHistory,
  serializeHistory,
} from './history-store';
import { MemoryStorage, sampleEntry } from './history.test-support';

describe('parseHistory', () => {
  it('reads an empty or missing store as an empty history', () => {
    expect(parseHistory(null)).toEqual({ entries: [], warnings: [] });
    expect(parseHistory('')).toEqual({ entries: [], warnings: [] });
  });

  it('reads what serializeHistory wrote, newest first', () => {
    const entries = [sampleEntry(1), sampleEntry(3), sampleEntry(2)];
    expect(parseHistory(serializeHistory(entries)).entries.map((e) => e.id)).toEqual([
      'entry-00003',
      'entry-00002',
      'entry-00001',
    ]);
  });

  it('recovers from text that is not JSON, or not a history, with a warning', () => {
    expect(parseHistory('{oops')).toEqual({ entries: [], warnings: [{ kind: 'unreadable' }] });
    expect(parseHistory('[1,2,3]').warnings).toEqual([{ kind: 'unreadable' }]);
    expect(parseHistory('{"version":1,"entries":"nope"}').warnings).toEqual([
      { kind: 'unreadable' },
    ]);
  });

  it('does not guess at a newer format', () => {
    expect(parseHistory('{"version":2,"entries":[]}').warnings).toEqual([
      { kind: 'newerVersion', version: 2 },
    ]);
  });

  it('keeps the readable entries and counts the rest', () => {
    const withPlaintext = { ...sampleEntry(2), plainText: 'secret' };
    const raw = JSON.stringify({
      version: 1,
      entries: [sampleEntry(1), withPlaintext, { id: 'x' }, sampleEntry(1)],
    });
    const state = parseHistory(raw);
    expect(state.entries.map((e) => e.id)).toEqual(['entry-00001']);
    expect(state.warnings).toEqual([{ kind: 'skippedEntries', count: 3 }]);
  });
});

describe('mergeEntries', () => {
  it('adds what is new, keeps what is there, and caps the newest', () => {
    const merged = mergeEntries(
      [sampleEntry(1), sampleEntry(2)],
      [sampleEntry(2), sampleEntry(3)],
      2,
    );
    expect(merged.entries.map((e) => e.id)).toEqual(['entry-00003', 'entry-00002']);
    expect(merged).toMatchObject({ added: 1, dropped: 1 });
  });
});

describe('HistoryStore', () => {
  it('adds, removes and clears, and tells subscribers', () => {
    const store = new HistoryStore(new MemoryStorage());
    let notified = 0;
    store.subscribe(() => (notified += 1));
    store.add(sampleEntry(1));
    store.add(sampleEntry(2));
    expect(store.read().entries.map((e) => e.id)).toEqual(['entry-00002', 'entry-00001']);
    store.remove('entry-00002');
    expect(store.read().entries.map((e) => e.id)).toEqual(['entry-00001']);
    store.clear();
    expect(store.read().entries).toEqual([]);
    expect(notified).toBe(4);
  });

  it('refuses an entry with any extra field, such as a plaintext', () => {
    const store = new HistoryStore(new MemoryStorage());
    const sneaky = { ...sampleEntry(1), plainText: 'hello world' };
    expect(() => store.add(sneaky)).toThrow();
    expect(store.read().entries).toEqual([]);
  });

  it('returns the same snapshot until the stored text changes', () => {
    const storage = new MemoryStorage();
    const store = new HistoryStore(storage);
    store.add(sampleEntry(1));
    expect(store.read()).toBe(store.read());
    storage.setItem(HISTORY_STORAGE_KEY, serializeHistory([sampleEntry(5)]));
    expect(store.read().entries.map((e) => e.id)).toEqual(['entry-00005']);
  });

  it('after a write, reads exactly what a fresh parse of the stored text gives', () => {
    const storage = new MemoryStorage();
    const store = new HistoryStore(storage);
    store.importEntries([sampleEntry(3), sampleEntry(1), sampleEntry(2)]);
    store.add(sampleEntry(4));
    store.remove('entry-00002');
    expect(store.read()).toEqual(parseHistory(storage.getItem(HISTORY_STORAGE_KEY)));
    expect(store.read().entries.map((e) => e.id)).toEqual([
      'entry-00004',
      'entry-00003',
      'entry-00001',
    ]);
  });

  it('keeps at most the cap and leaves a notice of what was dropped', () => {
    const store = new HistoryStore(new MemoryStorage(), 1000);
    store.importEntries(Array.from({ length: 1000 }, (_, n) => sampleEntry(n + 1)));
    expect(store.lastNotice()).toBeUndefined();
    store.add(sampleEntry(5000));
    expect(store.read().entries).toHaveLength(1000);
    expect(store.read().entries[0]?.id).toBe('entry-05000');
    expect(store.read().entries.some((e) => e.id === 'entry-00001')).toBe(false);
    expect(store.lastNotice()).toEqual({ kind: 'trimmed', count: 1 });
    store.dismissNotice();
    expect(store.lastNotice()).toBeUndefined();
  });

  it('drops the oldest entries when the browser quota is full', () => {
    const one = serializeHistory([sampleEntry(1)]).length;
    const store = new HistoryStore(new MemoryStorage(HISTORY_STORAGE_KEY.length + one * 20));
    store.importEntries(Array.from({ length: 40 }, (_, n) => sampleEntry(n + 1)));
    const kept = store.read().entries;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(40);
    expect(kept[0]?.id).toBe('entry-00040');
    expect(store.lastNotice()).toEqual({ kind: 'trimmed', count: 40 - kept.length });
  });

  it('sets an unreadable store aside before writing over it', () => {
    const storage = new MemoryStorage();
    storage.setItem(HISTORY_STORAGE_KEY, '{corrupt');
    const store = new HistoryStore(storage);
    expect(store.read().warnings).toEqual([{ kind: 'unreadable' }]);
    store.add(sampleEntry(1));
    expect(storage.getItem(HISTORY_BACKUP_KEY)).toBe('{corrupt');
    expect(store.read()).toMatchObject({ warnings: [], entries: [{ id: 'entry-00001' }] });
  });

  it('works without storage at all, saying so', () => {
    const store = new HistoryStore(undefined);
    expect(store.read()).toEqual({ entries: [], warnings: [{ kind: 'unavailable' }] });
  });
});
