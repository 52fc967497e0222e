import { EnvelopeError } from './errors';

export const ARMOR_BEGIN = '-----BEGIN KMS ENVELOPE-----';
export const ARMOR_END = '-----END KMS ENVELOPE-----';
const LINE_LENGTH = 64;
// Bounded so String.fromCharCode(...) never exceeds the engine's argument limit.
const BINARY_CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += BINARY_CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + BINARY_CHUNK));
  }
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) out[index] = binary.charCodeAt(index);
  return out;
}

/** The envelope as text for long texts: PEM-like Base64 lines between two marker lines. */
export function armorEnvelope(envelope: Uint8Array): string {
  const base64 = toBase64(envelope);
  const lines: string[] = [ARMOR_BEGIN];
  for (let offset = 0; offset < base64.length; offset += LINE_LENGTH) {
    lines.push(base64.slice(offset, offset + LINE_LENGTH));
  }
  lines.push(ARMOR_END);
  return `${lines.join('\n')}\n`;
}

/** Accepts what users paste: surrounding blank space, CRLF, re-wrapped lines. */
export function dearmorEnvelope(text: string): Uint8Array {
  const begin = text.indexOf(ARMOR_BEGIN);
  const end = text.indexOf(ARMOR_END);
  if (begin === -1 || end === -1 || end < begin) {
    throw new EnvelopeError(
      'not-an-envelope',
      `The text is not between "${ARMOR_BEGIN}" and "${ARMOR_END}" lines.`,
    );
  }
  if (text.slice(0, begin).trim() !== '' || text.slice(end + ARMOR_END.length).trim() !== '') {
    throw new EnvelopeError('trailing-data', 'There is text outside the envelope markers.');
  }
  const base64 = text.slice(begin + ARMOR_BEGIN.length, end).replace(/\s+/g, '');
  if (base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
    throw new EnvelopeError('not-an-envelope', 'The text between the markers is not Base64.');
  }
  return fromBase64(base64);
}

export function isArmoredEnvelope(text: string): boolean {
  return text.trimStart().startsWith(ARMOR_BEGIN);
}
