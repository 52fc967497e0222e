import { decryptText, encryptText, type EncryptionContext } from '../../../shared/envelope';
import { consoleKeyring } from '../api/kms-keyring';

/** A text beyond encrypt-data's 4096 bytes, as an armored envelope (the file format, in Base64). */
export function encryptLongText(
  keyId: string,
  text: string,
  encryptionContext: EncryptionContext,
): Promise<string> {
  return encryptText(consoleKeyring(keyId), text, { encryptionContext });
}

/** The text of an armored envelope; nothing unless the whole envelope verified. */
export async function decryptLongText(armored: string) {
  return decryptText(consoleKeyring(), armored);
}
