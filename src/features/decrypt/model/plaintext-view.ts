/** How a decrypted plaintext can be shown. */
export interface PlaintextView {
  /** The text, when the bytes are UTF-8 without control characters; else undefined. */
  text: string | undefined;
  base64: string;
  byteLength: number;
}

function base64ToBytes(base64: string): Uint8Array | undefined {
  try {
    const binary = atob(base64);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Control characters other than tab, line feed and carriage return; DEL and C1 controls. */
function hasControlCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const allowedWhitespace = code === 0x09 || code === 0x0a || code === 0x0d;
    if ((code < 0x20 && !allowedWhitespace) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * Decides between text and Base64 from the bytes themselves (plain_text_base64), not from the
 * service's plain_text, which can only be a lossy rendering of binary data.
 */
export function describePlaintext(plainText: string, plainTextBase64: string): PlaintextView {
  const bytes = plainTextBase64
    ? base64ToBytes(plainTextBase64)
    : new TextEncoder().encode(plainText);
  if (!bytes) {
    return { text: plainText, base64: plainTextBase64, byteLength: plainText.length };
  }
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  if (text !== undefined && hasControlCharacters(text)) text = undefined;
  return { text, base64: bytesToBase64(bytes), byteLength: bytes.length };
}
