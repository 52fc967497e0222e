import { describe, expect, it } from 'vitest';
import { isWellFormedText } from './limits';
import { parseKmsRequest } from './operations';
import { encryptDataRequestSchema, plainTextSchema } from './schemas';

const KEY_ID = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('plain_text must be valid Unicode', () => {
  it('tells lone surrogates from pairs', () => {
    for (const text of ['a\ud800b', '\udfff', '\udfff\ud800', 'x\ud83d']) {
      expect(isWellFormedText(text)).toBe(false);
    }
    for (const text of ['', 'abc', '😀', '\ud83d\ude00', '世界', '\u{10FFFF}', '\ufffd']) {
      expect(isWellFormedText(text)).toBe(true);
    }
  });

  it('is refused by the shared schema the browser and both servers use', () => {
    expect(plainTextSchema.safeParse('a\ud800b').success).toBe(false);
    expect(plainTextSchema.safeParse('a😀b').success).toBe(true);
    const lone = encryptDataRequestSchema.safeParse({ key_id: KEY_ID, plain_text: 'a\ud800b' });
    expect(lone.success).toBe(false);
  });

  it('maps to KMS.0202, the code for a body that is not UTF-8', () => {
    const body = JSON.parse(`{"key_id":"${KEY_ID}","plain_text":"a\\ud800b"}`) as unknown;
    expect(codeOf(() => parseKmsRequest('encrypt-data', body))).toBe('KMS.0202');
    const valid = JSON.parse(`{"key_id":"${KEY_ID}","plain_text":"a\\ud83d\\ude00b"}`) as unknown;
    expect(parseKmsRequest('encrypt-data', valid)).toMatchObject({ plain_text: 'a😀b' });
  });
});
