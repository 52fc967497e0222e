import { describe, expect, it } from 'vitest';
import { ARMOR_BEGIN, ARMOR_END, armorEnvelope, dearmorEnvelope, isArmoredEnvelope } from './armor';
import { decryptText, encryptText } from './bytes-api';
import { expectEnvelopeError, patternBytes, testKeyring } from './test-helpers';

describe('armored text', () => {
  it('wraps Base64 in 64-character lines between the markers', () => {
    const bytes = patternBytes(200);
    const armored = armorEnvelope(bytes);
    const lines = armored.trimEnd().split('\n');
    expect(lines[0]).toBe(ARMOR_BEGIN);
    expect(lines.at(-1)).toBe(ARMOR_END);
    for (const line of lines.slice(1, -2)) expect(line).toHaveLength(64);
    expect(dearmorEnvelope(armored)).toEqual(bytes);
    expect(isArmoredEnvelope(`\n  ${armored}`)).toBe(true);
  });

  it('accepts CRLF, re-wrapped lines and surrounding blank space', () => {
    const bytes = patternBytes(20_000);
    const armored = armorEnvelope(bytes);
    const body = armored.slice(ARMOR_BEGIN.length, armored.indexOf(ARMOR_END)).replace(/\n/g, '');
    const rewrapped = `\r\n  ${ARMOR_BEGIN}\r\n${body.match(/.{1,76}/g)?.join('\r\n')}\r\n${ARMOR_END}\r\n\r\n`;
    expect(dearmorEnvelope(rewrapped)).toEqual(bytes);
  });

  it('names what is wrong with pasted text', async () => {
    const kind = async (text: string) =>
      (await expectEnvelopeError(Promise.resolve().then(() => dearmorEnvelope(text)))).kind;
    expect(await kind('just some text')).toBe('not-an-envelope');
    expect(await kind(`${ARMOR_END}\n${ARMOR_BEGIN}`)).toBe('not-an-envelope');
    expect(await kind(`${ARMOR_BEGIN}\nnot base64!\n${ARMOR_END}`)).toBe('not-an-envelope');
    expect(await kind(`${ARMOR_BEGIN}\nQUJD\n${ARMOR_END}\nP.S. hi`)).toBe('trailing-data');
  });

  it('round-trips long texts through encryptText/decryptText', async () => {
    const keyring = testKeyring();
    const text = 'Grüße aus dem Rechenzentrum 🔐\n'.repeat(5000);
    const armored = await encryptText(keyring, text, { encryptionContext: { kind: 'text' } });
    expect(isArmoredEnvelope(armored)).toBe(true);
    const { text: decrypted, header } = await decryptText(keyring, armored);
    expect(decrypted).toBe(text);
    expect(header.encryptionContext).toEqual({ kind: 'text' });
    const broken = armored.replace(
      /\n([A-Za-z0-9+/])/,
      (_match, char: string) => `\n${char === 'A' ? 'B' : 'A'}`,
    );
    await expectEnvelopeError(decryptText(keyring, broken));
  });
});
