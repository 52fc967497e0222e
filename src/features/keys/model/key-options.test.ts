import { describe, expect, it } from 'vitest';
import { sampleKey } from '../../../shared/kms/key-details.test-support';
import {
  algorithmsForKey,
  keyAvailability,
  keyIdProblem,
  keyMatches,
  plainTextLimitForKey,
  sortKeys,
} from './key-options';

const key = sampleKey;

describe('keyAvailability', () => {
  it('says why a key cannot encrypt', () => {
    expect(keyAvailability(key({}))).toEqual({ usable: true });
    expect(keyAvailability(key({ key_state: '3' }))).toEqual({ usable: false, reason: 'disabled' });
    expect(keyAvailability(key({ key_state: '4' }))).toEqual({
      usable: false,
      reason: 'pendingDeletion',
    });
    expect(keyAvailability(key({ key_spec: 'EC_P256', key_usage: 'SIGN_VERIFY' }))).toEqual({
      usable: false,
      reason: 'signOnly',
    });
  });
});

describe('keyIdProblem', () => {
  const id = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
  it('checks the format first, then the state of a known key', () => {
    expect(keyIdProblem('not-a-key-id', key({}))).toBe('format');
    expect(keyIdProblem(id.toUpperCase(), undefined)).toBe('format');
    expect(keyIdProblem(id, undefined)).toBeUndefined();
    expect(keyIdProblem(id, key({}))).toBeUndefined();
    expect(keyIdProblem(id, key({ key_state: '3' }))).toBe('disabled');
    expect(keyIdProblem(id, key({ key_state: '5' }))).toBe('pendingImport');
  });
});

describe('algorithms and limits follow the key', () => {
  it('offers only what the spec takes, and everything for an unknown key', () => {
    expect(algorithmsForKey(key({ key_spec: 'SM4' }))).toEqual(['SYMMETRIC_DEFAULT']);
    expect(algorithmsForKey(key({ key_spec: 'RSA_2048' }))).toEqual([
      'RSAES_OAEP_SHA_256',
      'RSAES_OAEP_SHA_1',
    ]);
    expect(algorithmsForKey(key({ key_spec: 'SM2' }))).toEqual(['SM2_ENCRYPT']);
    expect(algorithmsForKey(undefined)).toHaveLength(4);
  });

  it('bounds RSA plaintext by OAEP and everything else by 4096 bytes', () => {
    expect(plainTextLimitForKey(key({ key_spec: 'RSA_2048' }), 'RSAES_OAEP_SHA_256')).toBe(190);
    expect(plainTextLimitForKey(key({ key_spec: 'RSA_2048' }), 'RSAES_OAEP_SHA_1')).toBe(214);
    expect(plainTextLimitForKey(key({ key_spec: 'RSA_4096' }), 'RSAES_OAEP_SHA_256')).toBe(446);
    expect(plainTextLimitForKey(key({}), 'SYMMETRIC_DEFAULT')).toBe(4096);
    expect(plainTextLimitForKey(undefined, 'RSAES_OAEP_SHA_256')).toBe(4096);
  });
});

describe('sorting and searching', () => {
  it('lists usable keys first, then by alias', () => {
    const sorted = sortKeys([
      key({ key_alias: 'b' }),
      key({ key_alias: 'a', key_state: '3' }),
      key({ key_alias: 'c' }),
    ]);
    expect(sorted.map((k) => k.key_alias)).toEqual(['b', 'c', 'a']);
  });

  it('matches alias, id or spec, ignoring case', () => {
    const rsa = key({ key_alias: 'Payments/RSA', key_spec: 'RSA_3072' });
    expect(keyMatches(rsa, 'payments')).toBe(true);
    expect(keyMatches(rsa, 'rsa_3072')).toBe(true);
    expect(keyMatches(rsa, '0d0466b0')).toBe(true);
    expect(keyMatches(rsa, 'sm4')).toBe(false);
    expect(keyMatches(rsa, '  ')).toBe(true);
  });
});
