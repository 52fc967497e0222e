import { describe, expect, it } from 'vitest';
import { compactHex, requestedDataKeyBits } from './datakeys';
import { KmsError } from './errors';
import { parseKmsRequest } from './operations';

const KEY_ID = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof KmsError) return error.code;
    throw error;
  }
}

describe('data-key request schemas', () => {
  it('size a create-datakey DEK: datakey_length, else key_spec, else 256 bits', () => {
    const sized = (body: object) =>
      requestedDataKeyBits(parseKmsRequest('create-datakey', { key_id: KEY_ID, ...body }));
    expect(sized({})).toBe(256);
    expect(sized({ key_spec: 'AES_128' })).toBe(128);
    expect(sized({ key_spec: 'AES_128', datakey_length: '1024' })).toBe(1024);
    expect(sized({ datakey_length: 64 })).toBe(64);
  });

  it('give one field several codes: KMS.1901 for the range, KMS.1903 for the multiple of 8', () => {
    const code = (datakeyLength: unknown) =>
      codeOf(() =>
        parseKmsRequest('create-datakey', { key_id: KEY_ID, datakey_length: datakeyLength }),
      );
    expect(code('8200')).toBe('KMS.1901');
    expect(code('x')).toBe('KMS.1901');
    expect(code(7.5)).toBe('KMS.1901');
    expect(code('20')).toBe('KMS.1903');
    expect(code('8192')).toBeUndefined();
    expect(
      codeOf(() => parseKmsRequest('create-datakey', { key_id: KEY_ID, key_spec: 'SM4' })),
    ).toBe('KMS.1902');
  });

  it('keep the codes of shared fields and of the hex fields', () => {
    expect(codeOf(() => parseKmsRequest('decrypt-datakey', { key_id: KEY_ID }))).toBe('KMS.0204');
    expect(
      codeOf(() =>
        parseKmsRequest('decrypt-datakey', {
          key_id: KEY_ID,
          cipher_text: 'not hex',
          datakey_cipher_length: '32',
        }),
      ),
    ).toBe('KMS.2201');
    expect(
      codeOf(() =>
        parseKmsRequest('encrypt-datakey', {
          key_id: KEY_ID,
          plain_text: 'abc',
          datakey_plain_length: '1',
        }),
      ),
    ).toBe('KMS.2101');
    expect(
      codeOf(() =>
        parseKmsRequest('encrypt-datakey', {
          key_id: KEY_ID,
          plain_text: 'ab cd\n',
          datakey_plain_length: '2000',
        }),
      ),
    ).toBe('KMS.0308');
  });

  it('read hex with whitespace as the documented example writes it', () => {
    const request = parseKmsRequest('encrypt-datakey', {
      key_id: KEY_ID,
      plain_text: 'AB cd\n01',
      datakey_plain_length: '1',
    });
    expect(compactHex(request.plain_text)).toBe('ABcd01');
  });
});
