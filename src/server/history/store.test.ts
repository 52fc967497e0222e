import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyLocationOf } from './store';

describe('historyLocationOf', () => {
  it('prefers DATABASE_URL, else PGlite under the data directory, and nothing when off', () => {
    const url = 'postgres://console@db.internal:5432/history';
    expect(
      historyLocationOf({ enabled: true, databaseUrl: url, dataDir: '.console-data' }),
    ).toEqual({ kind: 'postgres', url });
    expect(
      historyLocationOf({ enabled: true, databaseUrl: '', dataDir: '/var/lib/console' }),
    ).toEqual({ kind: 'pglite', dataDir: path.join('/var/lib/console', 'history') });
    expect(historyLocationOf({ enabled: false, databaseUrl: url, dataDir: 'x' })).toBeNull();
  });
});
