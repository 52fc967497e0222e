import { describe, expect, it } from 'vitest';
import type { KeyDetails } from '../../../shared/kms';
import { sampleKey, SAMPLE_RSA_KEY_ID } from '../../../shared/kms/key-details.test-support';
import { decodeMessage } from '../../../lib/i18n';
import {
  buildDecryptFormSchema,
  EMPTY_DECRYPT_FORM,
  normalizeCipherText,
  toDecryptRequest,
  type DecryptFormValues,
} from './decrypt-form';

const CIPHER = 'QUJD'.repeat(40);
const RSA_ID = SAMPLE_RSA_KEY_ID;
const rsaKey = sampleKey({ key_id: RSA_ID, key_spec: 'RSA_2048' });

function problems(values: Partial<DecryptFormValues>, key?: KeyDetails) {
  const result = buildDecryptFormSchema({ key }).safeParse({ ...EMPTY_DECRYPT_FORM, ...values });
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.'), decodeMessage(issue.message)?.key]),
  );
}

describe('decrypt form rules', () => {
  it('needs only a ciphertext for symmetric ciphertext', () => {
    expect(problems({})).toEqual({ cipherText: 'validation.cipherText.required' });
    expect(problems({ cipherText: CIPHER })).toEqual({});
    // Text that is not Base64 at all is named as such; Base64 of the wrong length by its size.
    expect(problems({ cipherText: 'not base64!' })).toEqual({
      cipherText: 'validation.cipherText.notBase64',
    });
    expect(problems({ cipherText: 'QUJD' })).toEqual({
      cipherText: 'validation.cipherText.format',
    });
  });

  it('ignores line breaks in pasted Base64', () => {
    const wrapped = `${CIPHER.slice(0, 64)}\n${CIPHER.slice(64)}\n`;
    expect(normalizeCipherText(wrapped)).toBe(CIPHER);
    expect(problems({ cipherText: wrapped })).toEqual({});
  });

  it('requires key id and algorithm for asymmetric ciphertext', () => {
    expect(problems({ cipherText: CIPHER, algorithm: 'RSAES_OAEP_SHA_256' })).toEqual({
      keyId: 'validation.keyId.requiredForAsymmetric',
    });
    expect(problems({ cipherText: CIPHER, keyId: RSA_ID }, rsaKey)).toEqual({
      algorithm: 'validation.algorithm.requiredForAsymmetric',
    });
    expect(
      problems({ cipherText: CIPHER, keyId: RSA_ID, algorithm: 'SM2_ENCRYPT' }, rsaKey),
    ).toEqual({ algorithm: 'validation.algorithm.notForKey' });
  });

  it('builds the wire body from what was given', () => {
    expect(
      toDecryptRequest({
        cipherText: ` ${CIPHER}\n`,
        keyId: '',
        algorithm: '',
        contextPairs: [{ key: 'a', value: '1' }],
      }),
    ).toEqual({ cipher_text: CIPHER, encryption_context: { a: '1' } });
    expect(
      toDecryptRequest({
        cipherText: CIPHER,
        keyId: RSA_ID,
        algorithm: 'RSAES_OAEP_SHA_1',
        contextPairs: [{ key: 'ignored', value: 'asymmetric' }],
      }),
    ).toEqual({ cipher_text: CIPHER, key_id: RSA_ID, encryption_algorithm: 'RSAES_OAEP_SHA_1' });
  });
});
