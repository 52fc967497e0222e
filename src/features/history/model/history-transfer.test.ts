import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../shared/console/csv';
import { exportCsv, exportJson, parseImport } from './history-transfer';
import { sampleEntry } from './history.test-support';

describe('JSON export and import', () => {
  it('round-trips every entry', () => {
    const entries = [sampleEntry(2), sampleEntry(1, { keyAlias: undefined, keySpec: undefined })];
    const cleaned = entries.map((entry) => JSON.parse(JSON.stringify(entry)) as unknown);
    expect(parseImport(exportJson(entries))).toEqual({ ok: true, entries: cleaned });
  });

  it('refuses what is not JSON or not a history export', () => {
    expect(parseImport('nope')).toEqual({ ok: false, reason: { key: 'history.import.notJson' } });
    expect(parseImport('{"entries":[]}')).toEqual({
      ok: false,
      reason: { key: 'history.import.notHistory' },
    });
  });

  it('refuses an unknown format version', () => {
    const file = JSON.parse(exportJson([])) as Record<string, unknown>;
    expect(parseImport(JSON.stringify({ ...file, version: 9 }))).toEqual({
      ok: false,
      reason: { key: 'history.import.version', params: { version: '9' } },
    });
  });

  it('refuses the whole file for one bad entry, naming it', () => {
    const file = JSON.parse(exportJson([sampleEntry(1), sampleEntry(2)])) as {
      entries: Record<string, unknown>[];
    };
    file.entries[1] = { ...file.entries[1], keyId: 'bad' };
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatchObject({
      key: 'history.import.badEntry',
      params: { entry: 2, field: '.entries[1].keyId' },
    });
  });

  it('refuses entries that carry a plaintext', () => {
    const file = JSON.parse(exportJson([sampleEntry(1)])) as {
      entries: Record<string, unknown>[];
    };
    file.entries[0] = { ...file.entries[0], plainText: 'hello world' };
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
  });
});

describe('CSV export', () => {
  it('has a header and one row per entry', () => {
    const lines = exportCsv([sampleEntry(1)])
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'created_at,key_id,key_alias,key_spec,encryption_algorithm,encryption_context,cipher_text',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"{""n"":""1""}"');
  });

  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
  });
});
