import { armorEnvelope, dearmorEnvelope } from './armor';
import { concatBytes } from './bytes';
import { openEnvelope, type DecryptOptions } from './decrypt';
import { encryptMessage, type EncryptOptions } from './encrypt';
import { EnvelopeError } from './errors';
import type { EnvelopeHeaderInfo } from './header-info';
import type { Keyring } from './keyring';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return concatBytes(...parts);
}

/** Encrypts an in-memory plaintext (texts, small files) into an envelope. */
export async function encryptBytes(
  keyring: Keyring,
  plaintext: Uint8Array,
  options: EncryptOptions = {},
): Promise<Uint8Array> {
  return collect(encryptMessage(once(plaintext), keyring, options));
}

/** Decrypts an in-memory envelope; returns nothing unless the whole envelope verified. */
export async function decryptBytes(
  keyring: Keyring,
  envelope: Uint8Array,
  options: DecryptOptions = {},
): Promise<{ plaintext: Uint8Array; header: EnvelopeHeaderInfo }> {
  const opened = await openEnvelope(once(envelope), keyring, options);
  return { plaintext: await collect(opened.plaintext), header: opened.header };
}

/** Long text → armored envelope text (UTF-8 inside). */
export async function encryptText(
  keyring: Keyring,
  text: string,
  options: EncryptOptions = {},
): Promise<string> {
  return armorEnvelope(await encryptBytes(keyring, new TextEncoder().encode(text), options));
}

export async function decryptText(
  keyring: Keyring,
  armored: string,
  options: DecryptOptions = {},
): Promise<{ text: string; header: EnvelopeHeaderInfo }> {
  const { plaintext, header } = await decryptBytes(keyring, dearmorEnvelope(armored), options);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(plaintext), header };
  } catch (cause) {
    throw new EnvelopeError('invalid-input', 'The decrypted bytes are not UTF-8 text.', { cause });
  } finally {
    plaintext.fill(0);
  }
}
