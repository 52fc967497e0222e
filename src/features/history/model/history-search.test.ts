import { describe, expect, it } from 'vitest';
import { pageOf, searchHistory } from './history-search';
import { sampleEntry } from './history.test-support';

describe('searchHistory', () => {
  const aes = sampleEntry(1);
  const rsa = sampleEntry(2, {
    keyId: '1a2b3c4d-0000-4000-8000-000000000003',
    keyAlias: 'e2e/rsa-2048',
    keySpec: 'RSA_2048',
    algorithm: 'RSAES_OAEP_SHA_1',
  });

  it('finds by alias, key id, algorithm or spec, ignoring case', () => {
    expect(searchHistory([aes, rsa], 'RSA-2048')).toEqual([rsa]);
    expect(searchHistory([aes, rsa], '0d0466b0')).toEqual([aes]);
    expect(searchHistory([aes, rsa], 'oaep_sha_1')).toEqual([rsa]);
    expect(searchHistory([aes, rsa], 'aes_256 symmetric')).toEqual([aes]);
    expect(searchHistory([aes, rsa], '')).toEqual([aes, rsa]);
  });
});

describe('searchHistory over label, context, date and ciphertext (issue 13)', () => {
  const labelled = sampleEntry(3, {
    label: 'Payroll March',
    encryptionContext: { department: 'finance', region: 'emea' },
    createdAt: '2025-03-14T09:30:00.000Z',
    cipherText: 'TEsBATBkMDQ2NmIwLWU3MjctNGQ5Yy1iMzVk' + 'Q'.repeat(100) + 'TAILWORD',
  });
  const other = sampleEntry(4, { createdAt: '2024-11-02T00:00:00.000Z' });

  it('finds by label, context key or value, date, and ciphertext prefix', () => {
    expect(searchHistory([labelled, other], 'payroll')).toEqual([labelled]);
    expect(searchHistory([labelled, other], 'DEPARTMENT')).toEqual([labelled]);
    expect(searchHistory([labelled, other], 'emea finance')).toEqual([labelled]);
    expect(searchHistory([labelled, other], '2025-03-14')).toEqual([labelled]);
    expect(searchHistory([labelled, other], '2024-11')).toEqual([other]);
    expect(searchHistory([labelled, other], 'TEsBATBkMDQ2NmIw')).toEqual([labelled]);
  });

  it('does not search a ciphertext beyond its beginning', () => {
    expect(searchHistory([labelled, other], 'tailword')).toEqual([]);
  });
});

describe('pageOf', () => {
  it('cuts pages and clamps the page number', () => {
    const items = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(items, 1)).toHaveLength(20);
    expect(pageOf(items, 3)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(items, 99)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf([], 1)).toEqual([]);
  });
});
