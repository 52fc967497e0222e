// Test helpers for the history model, imported only by its *.test.ts files.
import type { HistoryEntry } from './history-entry';

/** A Storage in memory, with an optional quota in characters like a browser's. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();

  constructor(private readonly quotaChars = Infinity) {}

  get length(): number {
    return this.items.size;
  }

  clear(): void {
    this.items.clear();
  }

  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }

  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }

  removeItem(key: string): void {
    this.items.delete(key);
  }

  setItem(key: string, value: string): void {
    let used = key.length + value.length;
    for (const [otherKey, otherValue] of this.items) {
      if (otherKey !== key) used += otherKey.length + otherValue.length;
    }
    if (used > this.quotaChars) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

/** A valid entry; `n` orders them (higher = newer). */
export function sampleEntry(n: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: `entry-${String(n).padStart(5, '0')}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
    keyAlias: 'e2e/aes-256',
    keySpec: 'AES_256',
    algorithm: 'SYMMETRIC_DEFAULT',
    encryptionContext: { n: String(n) },
    cipherText: `Q${'A'.repeat(150)}${n}==`.replace(/\d/g, 'B'),
    ...overrides,
  };
}
