import { describe, expect, it } from 'vitest';
import { historyEntrySchema } from './history-entry';
import { parseHistory, serializeHistory } from './history-store';
import { sampleEntry } from './history.test-support';

const fileEntry = {
  id: 'file-1',
  createdAt: '2026-11-30T10:00:00.000Z',
  keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
  algorithm: 'SYMMETRIC_DEFAULT',
  encryptionContext: { project: 'demo' },
  file: { name: 'report.pdf', size: 5242880, fingerprint: 'ab'.repeat(32) },
  label: 'quarterly report',
};

describe('history entries of files', () => {
  it('keep reading entries written before files existed', () => {
    const old = sampleEntry(1);
    expect(old.cipherText).toBeDefined();
    expect(parseHistory(serializeHistory([old])).entries).toEqual([old]);
  });

  it('hold a file by name, size and fingerprint', () => {
    expect(historyEntrySchema.parse(fileEntry)).toEqual(fileEntry);
    expect(parseHistory(JSON.stringify({ version: 1, entries: [fileEntry] })).entries).toEqual([
      fileEntry,
    ]);
  });

  it('refuse an entry with both a ciphertext and a file, or neither', () => {
    const cipherText = sampleEntry(1).cipherText;
    expect(historyEntrySchema.safeParse({ ...fileEntry, cipherText }).success).toBe(false);
    const { file: _file, ...neither } = fileEntry;
    expect(historyEntrySchema.safeParse(neither).success).toBe(false);
  });

  it('refuse anything secret riding along: data key, content, a bad fingerprint', () => {
    const withDataKey = { ...fileEntry, dataKey: '00'.repeat(32) };
    const withContent = { ...fileEntry, file: { ...fileEntry.file, content: 'secret' } };
    const badFingerprint = { ...fileEntry, file: { ...fileEntry.file, fingerprint: 'xyz' } };
    for (const entry of [withDataKey, withContent, badFingerprint]) {
      expect(historyEntrySchema.safeParse(entry).success).toBe(false);
    }
  });
});
