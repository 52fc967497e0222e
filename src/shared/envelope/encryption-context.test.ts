import { describe, expect, it } from 'vitest';
import { concatBytes, toHex, uint16BE, utf8 } from './bytes';
import { decryptBytes, encryptBytes } from './bytes-api';
import { parseContextPairs, serializeContextPairs } from './encryption-context';
import { parseHeader } from './header-info';
import { expectEnvelopeError, patternBytes, testKeyring } from './test-helpers';

const entry = (key: string, value: string) => {
  const [k, v] = [utf8(key), utf8(value)];
  return concatBytes(uint16BE(k.length), k, uint16BE(v.length), v);
};

describe('encryption context serialization', () => {
  it('sorts keys by UTF-8 bytes, not by UTF-16 code units or locale', () => {
    // U+FF61 sorts after U+1F600 in UTF-16 (0xFF61 > 0xD83D) but before it in UTF-8.
    const context = { '\u{1F600}': 'emoji', '\uFF61': 'halfwidth', B: 'upper', a: 'lower' };
    const expected = concatBytes(
      uint16BE(4),
      entry('B', 'upper'),
      entry('a', 'lower'),
      entry('\uFF61', 'halfwidth'),
      entry('\u{1F600}', 'emoji'),
    );
    expect(toHex(serializeContextPairs(context))).toBe(toHex(expected));
    expect(parseContextPairs(expected)).toEqual(context);
  });

  it('serializes an empty context as no bytes at all', () => {
    expect(serializeContextPairs({})).toHaveLength(0);
  });

  it('keeps a "__proto__" key as data', async () => {
    const context = JSON.parse('{"__proto__":"x","b":"y"}') as Record<string, string>;
    const keyring = testKeyring();
    const envelope = await encryptBytes(keyring, patternBytes(3), { encryptionContext: context });
    const { header } = await decryptBytes(keyring, envelope);
    expect(Object.keys(header.encryptionContext).sort()).toEqual(['__proto__', 'b']);
    expect(Object.getPrototypeOf(header.encryptionContext)).toBe(Object.prototype);
  });

  it('refuses duplicate keys, stray bytes and invalid UTF-8', () => {
    const kind = (bytes: Uint8Array) => {
      try {
        parseContextPairs(bytes);
      } catch (error) {
        return (error as { kind?: string }).kind;
      }
      return 'accepted';
    };
    expect(kind(concatBytes(uint16BE(2), entry('a', '1'), entry('a', '2')))).toBe(
      'malformed-header',
    );
    expect(kind(concatBytes(uint16BE(1), entry('a', '1'), new Uint8Array([0])))).toBe(
      'malformed-header',
    );
    const badUtf8 = concatBytes(uint16BE(1), uint16BE(1), new Uint8Array([0xff]), uint16BE(0));
    expect(kind(badUtf8)).toBe('malformed-header');
    expect(kind(uint16BE(0))).toBe('malformed-header');
  });

  it('parseHeader says truncated for a partial header and not-an-envelope for none', async () => {
    const envelope = await encryptBytes(testKeyring(), patternBytes(10), {
      encryptionContext: { a: 'b' },
    });
    const { headerLength } = await parseHeader(envelope);
    expect((await parseHeader(envelope.subarray(0, headerLength))).headerLength).toBe(headerLength);
    const partial = await expectEnvelopeError(parseHeader(envelope.subarray(0, headerLength - 1)));
    expect(partial.kind).toBe('truncated');
    const empty = await expectEnvelopeError(parseHeader(new Uint8Array(0)));
    expect(empty.kind).toBe('not-an-envelope');
  });
});
