/** The Base64 and UTF-8 forms of ciphertext and plaintext on the wire. */
import { KmsError } from '../../shared/kms';

/** Strict Base64: Buffer.from is lenient, so re-encode and compare. */
export function decodeCipherText(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) {
    throw new KmsError('KMS.2201', 'cipher_text is not valid Base64.');
  }
  return bytes;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** plain_text as UTF-8; bytes that are not UTF-8 come back with U+FFFD, exact in Base64. */
export function plainTextFields(plaintext: Buffer): {
  plain_text: string;
  plain_text_base64: string;
} {
  let text: string;
  try {
    text = utf8Strict.decode(plaintext);
  } catch {
    text = plaintext.toString('utf8');
  }
  return { plain_text: text, plain_text_base64: plaintext.toString('base64') };
}
