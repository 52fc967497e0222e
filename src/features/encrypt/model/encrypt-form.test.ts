import { describe, expect, it } from 'vitest';
import type { KeyDetails } from '../../../shared/kms';
import { sampleKey, SAMPLE_AES_KEY_ID } from '../../../shared/kms/key-details.test-support';
import { decodeMessage } from '../../../lib/i18n';
import {
  buildEncryptFormSchema,
  EMPTY_ENCRYPT_FORM,
  toEncryptRequest,
  type EncryptFormValues,
} from './encrypt-form';

const AES_ID = SAMPLE_AES_KEY_ID;

const key = sampleKey;

/** Field path → message key, for whatever the schema refuses. */
function problems(values: Partial<EncryptFormValues>, known?: KeyDetails) {
  const result = buildEncryptFormSchema({ key: known }).safeParse({
    ...EMPTY_ENCRYPT_FORM,
    ...values,
  });
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), decodeMessage(issue.message)]),
  );
}

describe('encrypt form rules', () => {
  it('requires a key id and a plaintext', () => {
    expect(problems({})).toEqual({
      keyId: { key: 'validation.keyId.required' },
      plainText: { key: 'validation.plainText.required' },
    });
  });

  it('checks the key id format of the contract', () => {
    expect(problems({ keyId: 'ABC', plainText: 'x' })).toEqual({
      keyId: { key: 'validation.keyId.format' },
    });
    expect(problems({ keyId: AES_ID.toUpperCase(), plainText: 'x' })).toHaveProperty('keyId');
  });

  it('counts the plaintext in UTF-8 bytes, not characters', () => {
    expect(problems({ keyId: AES_ID, plainText: 'é'.repeat(2048) })).toEqual({});
    expect(problems({ keyId: AES_ID, plainText: `${'é'.repeat(2048)}a` })).toEqual({
      plainText: { key: 'validation.plainText.tooLong', params: { bytes: 4097, limit: 4096 } },
    });
  });

  it('refuses text that is not valid Unicode rather than let it change', () => {
    expect(problems({ keyId: AES_ID, plainText: 'a\ud800b' })).toEqual({
      plainText: { key: 'validation.plainText.notUnicode' },
    });
    expect(problems({ keyId: AES_ID, plainText: 'a\ud83d\ude00b' })).toEqual({});
  });

  it('bounds RSA_2048 with OAEP SHA-256 at 190 bytes and names the limit', () => {
    const rsa = key({ key_spec: 'RSA_2048' });
    const base = { keyId: AES_ID, algorithm: 'RSAES_OAEP_SHA_256' as const };
    expect(problems({ ...base, plainText: 'a'.repeat(190) }, rsa)).toEqual({});
    expect(problems({ ...base, plainText: 'a'.repeat(191) }, rsa)).toEqual({
      plainText: { key: 'validation.plainText.tooLong', params: { bytes: 191, limit: 190 } },
    });
    expect(
      problems({ ...base, algorithm: 'RSAES_OAEP_SHA_1', plainText: 'a'.repeat(214) }, rsa),
    ).toEqual({});
  });

  it('refuses keys that cannot encrypt, and algorithms the key does not take', () => {
    expect(problems({ keyId: AES_ID, plainText: 'x' }, key({ key_state: '3' }))).toEqual({
      keyId: { key: 'validation.keyId.disabled' },
    });
    expect(
      problems(
        { keyId: AES_ID, plainText: 'x', algorithm: 'SM2_ENCRYPT' },
        key({ key_spec: 'AES_256' }),
      ),
    ).toEqual({
      algorithm: {
        key: 'validation.algorithm.notForKey',
        params: { algorithm: 'SM2_ENCRYPT', spec: 'AES_256' },
      },
    });
  });

  it('checks context pairs for symmetric keys only', () => {
    const duplicate = [
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
    ];
    expect(problems({ keyId: AES_ID, plainText: 'x', contextPairs: duplicate })).toEqual({
      'contextPairs.1.key': { key: 'validation.context.keyDuplicate', params: { pair: 1 } },
    });
    expect(
      problems({
        keyId: AES_ID,
        plainText: 'x',
        algorithm: 'RSAES_OAEP_SHA_256',
        contextPairs: duplicate,
      }),
    ).toEqual({});
  });
});

describe('toEncryptRequest', () => {
  it('builds the wire body, with the context only when there is one', () => {
    expect(
      toEncryptRequest({
        keyId: AES_ID,
        algorithm: 'SYMMETRIC_DEFAULT',
        contextPairs: [{ key: 'dept', value: 'finance' }],
        plainText: 'hello world',
      }),
    ).toEqual({
      key_id: AES_ID,
      plain_text: 'hello world',
      encryption_algorithm: 'SYMMETRIC_DEFAULT',
      encryption_context: { dept: 'finance' },
    });
    expect(
      toEncryptRequest({
        keyId: AES_ID,
        algorithm: 'SM2_ENCRYPT',
        contextPairs: [{ key: 'ignored', value: 'for SM2' }],
        plainText: 'x',
      }),
    ).toEqual({ key_id: AES_ID, plain_text: 'x', encryption_algorithm: 'SM2_ENCRYPT' });
  });
});
