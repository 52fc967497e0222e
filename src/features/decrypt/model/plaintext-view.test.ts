import { describe, expect, it } from 'vitest';
import { describePlaintext } from './plaintext-view';

const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('describePlaintext', () => {
  it('shows UTF-8 text as text, multibyte included', () => {
    const text = '密钥 🔐 naïve';
    const view = describePlaintext(text, Buffer.from(text).toString('base64'));
    expect(view.text).toBe(text);
    expect(view.byteLength).toBe(Buffer.byteLength(text));
  });

  it('keeps tabs and line breaks as text', () => {
    const text = 'a\tb\r\nc';
    expect(describePlaintext(text, Buffer.from(text).toString('base64')).text).toBe(text);
  });

  it('falls back to Base64 for invalid UTF-8 and for control characters', () => {
    const invalid = base64([0xff, 0xfe, 0x00, 0x41]);
    expect(describePlaintext('\ufffd\ufffd\u0000A', invalid)).toEqual({
      text: undefined,
      base64: invalid,
      byteLength: 4,
    });
    const control = base64([0x01, 0x02, 0x41]);
    expect(describePlaintext('\u0001\u0002A', control).text).toBeUndefined();
  });

  it('uses plain_text when the service sent no Base64', () => {
    expect(describePlaintext('hello', '')).toEqual({
      text: 'hello',
      base64: 'aGVsbG8=',
      byteLength: 5,
    });
  });
});
