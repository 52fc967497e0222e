import { describe, expect, it } from 'vitest';
import type { KeyDetails } from '../../../shared/kms';
import { keyNamedBy, normalizeKeyInput } from './key-input';
import { lastKeyId, LAST_KEY_STORAGE_KEY, rememberLastKey } from './last-key';

const AES_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const key = (key_id: string, key_alias: string) => ({ key_id, key_alias }) as KeyDetails;
const KEYS = [key(AES_ID, 'e2e/aes-256'), key('1a2b3c4d-0000-4000-8000-000000000002', 'e2e/sm4')];

describe('normalizeKeyInput', () => {
  it('lower-cases a key id typed in capitals and trims', () => {
    expect(normalizeKeyInput(`  ${AES_ID.toUpperCase()}\n`)).toBe(AES_ID);
  });

  it('leaves aliases and partial text as typed', () => {
    expect(normalizeKeyInput('E2E/AES-256')).toBe('E2E/AES-256');
    expect(normalizeKeyInput('0D0466B0')).toBe('0D0466B0');
  });
});

describe('keyNamedBy', () => {
  it('finds the one key with this alias, whatever its case', () => {
    expect(keyNamedBy('e2e/aes-256', KEYS)?.key_id).toBe(AES_ID);
    expect(keyNamedBy(' E2E/SM4 ', KEYS)?.key_alias).toBe('e2e/sm4');
  });

  it('names nothing for a key id, a partial alias or an alias two keys share', () => {
    expect(keyNamedBy(AES_ID, KEYS)).toBeUndefined();
    expect(keyNamedBy('e2e/aes', KEYS)).toBeUndefined();
    expect(keyNamedBy('twin', [key(AES_ID, 'twin'), key(KEYS[1]!.key_id, 'twin')])).toBeUndefined();
    expect(keyNamedBy('', KEYS)).toBeUndefined();
  });
});

describe('last key', () => {
  it('keeps a key id only, and reads back only a valid one', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (name: string) => map.get(name) ?? null,
      setItem: (name: string, value: string) => void map.set(name, value),
    };
    expect(lastKeyId(storage)).toBe('');
    rememberLastKey('not a key id', storage);
    expect(map.size).toBe(0);
    rememberLastKey(AES_ID, storage);
    expect(lastKeyId(storage)).toBe(AES_ID);
    map.set(LAST_KEY_STORAGE_KEY, 'tampered');
    expect(lastKeyId(storage)).toBe('');
  });
});
