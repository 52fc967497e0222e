import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CIPHER_TEXT_PATTERN } from '../../shared/kms';
import { canonicalAssociatedData } from './associated-data';
import { encodeUnsignedInteger, readChildren, readSingle, unsignedIntegerValue } from './der';
import { HEADER_LENGTH, parseEnvelope, type Envelope } from './envelope';
import { AES_256_GCM } from './key-kinds/aes';
import { SM4_CTR_HMAC_SM3, SM4_KIND } from './key-kinds/sm4';
import { freshRandomBytes } from './random-pool';
import { openSymmetric, sealSymmetric, type SymmetricCipher } from './symmetric-envelope';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

/** A cipher with one key's material, so the cases below run alike for every symmetric kind. */
function keyed<M>(cipher: SymmetricCipher<M>, material: M) {
  return {
    seal: (plaintext: Buffer, canonical: Buffer) =>
      sealSymmetric(cipher, material, KEY_ID, plaintext, canonical),
    open: (envelope: Envelope, canonical: Buffer) =>
      openSymmetric(cipher, material, envelope, canonical),
  };
}

const aes = keyed(AES_256_GCM, { key: createSecretKey(randomBytes(32)) });
const sm4 = keyed(SM4_CTR_HMAC_SM3, SM4_KIND.load('SM4', randomBytes(16)));

describe('canonicalAssociatedData', () => {
  it('sorts keys (integer-like ones too) and treats absent and empty alike', () => {
    expect(canonicalAssociatedData({ b: '1', '10': 'x', a: '2', '2': 'y' }, 'aad').toString()).toBe(
      '[{"10":"x","2":"y","a":"2","b":"1"},"aad"]',
    );
    expect(canonicalAssociatedData(undefined, undefined)).toEqual(canonicalAssociatedData({}, ''));
    // A context and an AAD string cannot be confused with each other.
    expect(canonicalAssociatedData({ a: 'b' }, undefined)).not.toEqual(
      canonicalAssociatedData(undefined, '{"a":"b"}'),
    );
  });
});

describe.each([
  ['AES-256-GCM', aes],
  ['SM4-CTR-HMAC-SM3', sm4],
])('%s envelope', (algorithm, key) => {
  const canonical = canonicalAssociatedData({ purpose: 'unit' }, undefined);

  it('stays within the documented cipher_text pattern from 1 to 4096 bytes', () => {
    for (const size of [1, 4096]) {
      const envelope = key.seal(randomBytes(size), canonical);
      expect(envelope.toString('base64')).toMatch(CIPHER_TEXT_PATTERN);
    }
  });

  it('describes itself and opens only with the same associated data', () => {
    const plaintext = Buffer.from('envelope unit test');
    const parsed = parseEnvelope(key.seal(plaintext, canonical))!;
    expect(parsed.header).toMatchObject({ algorithm, keyId: KEY_ID, keyVersion: 1 });
    expect(parsed.headerBytes).toHaveLength(HEADER_LENGTH);
    expect(key.open(parsed, canonical)).toEqual(plaintext);
    expect(key.open(parsed, canonicalAssociatedData({}, undefined))).toBeNull();
  });

  it('detects a flipped bit anywhere', () => {
    const envelope = key.seal(Buffer.from('bits'), canonical);
    for (let index = 0; index < envelope.length; index++) {
      const tampered = Buffer.from(envelope);
      tampered[index] = tampered[index]! ^ 0x04;
      const parsed = parseEnvelope(tampered);
      if (parsed) expect(key.open(parsed, canonical), `byte ${index}`).toBeNull();
    }
  });

  it('refuses to parse what is not an envelope', () => {
    const envelope = key.seal(Buffer.from('x'), canonical);
    expect(parseEnvelope(envelope.subarray(0, envelope.length - 1))).toBeNull();
    expect(parseEnvelope(Buffer.concat([Buffer.from('XX'), envelope.subarray(2)]))).toBeNull();
    const version2 = Buffer.from(envelope);
    version2[2] = 2;
    expect(parseEnvelope(version2)).toBeNull();
    expect(parseEnvelope(randomBytes(256))).toBeNull();
  });
});

describe('freshRandomBytes (the IV pool)', () => {
  it('never hands out the same bytes twice, across many pool refills', () => {
    // 5,000 × 12 bytes spans ~15 pools; a reused or overlapping slice would repeat an IV.
    const seen = new Set<string>();
    const kept: Array<[Buffer, string]> = [];
    for (let index = 0; index < 5000; index++) {
      const iv = freshRandomBytes(12);
      expect(iv).toHaveLength(12);
      seen.add(iv.toString('hex'));
      if (index % 500 === 0) kept.push([iv, iv.toString('hex')]);
    }
    expect(seen.size).toBe(5000);
    // IVs handed out earlier must not change when later pools are filled.
    for (const [iv, hex] of kept) expect(iv.toString('hex')).toBe(hex);
  });

  it('serves requests larger than the pool directly', () => {
    const big = freshRandomBytes(5000);
    expect(big).toHaveLength(5000);
    expect(big.equals(Buffer.alloc(5000))).toBe(false);
  });

  it('gives two encryptions of the same input different IVs and ciphertexts', () => {
    const canonical = canonicalAssociatedData(undefined, undefined);
    const first = parseEnvelope(aes.seal(Buffer.from('same'), canonical))!;
    const second = parseEnvelope(aes.seal(Buffer.from('same'), canonical))!;
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });
});

describe('DER integers', () => {
  it('encodes minimally with a sign octet when needed, and reads back strictly', () => {
    expect(encodeUnsignedInteger(Buffer.from('00007f', 'hex')).toString('hex')).toBe('02017f');
    expect(encodeUnsignedInteger(Buffer.from('80', 'hex')).toString('hex')).toBe('02020080');
    const [element] = readChildren(
      readSingle(Buffer.from('3004020200ff', 'hex').subarray(0, 6), 0x30),
    );
    expect(unsignedIntegerValue(element!).toString('hex')).toBe('ff');
    expect(() => unsignedIntegerValue({ tag: 2, value: Buffer.from('007f', 'hex') })).toThrow();
    expect(() => unsignedIntegerValue({ tag: 2, value: Buffer.from('ff', 'hex') })).toThrow();
    expect(() => readSingle(Buffer.from('300302010100', 'hex'), 0x30)).toThrow();
  });
});
