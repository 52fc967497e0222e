import {
  KEY_ID_PATTERN,
  type EncryptionAlgorithm,
  type EncryptionContext,
} from '../../../shared/kms';

/** Everything the decrypt form needs, as a history entry hands it over. */
export interface DecryptPrefill {
  cipherText: string;
  keyId: string;
  algorithm: EncryptionAlgorithm;
  encryptionContext: EncryptionContext;
  /** When it was encrypted, for "filled in from the history" (ISO 8601). */
  createdAt?: string;
}

/** The history's lookup by ciphertext, given by the app (the history is another feature). */
export type FindInHistory = (cipherText: string) => DecryptPrefill | undefined;

const KEY_ID_LENGTH = 36;

function base64Bytes(base64: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function asciiAt(bytes: Uint8Array, start: number): string {
  if (start < 0 || start + KEY_ID_LENGTH > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(start, start + KEY_ID_LENGTH));
}

/**
 * The key id a symmetric ciphertext names, read from its header; undefined for anything else
 * (asymmetric ciphertext is the bare RSA/SM2 output and names nothing). Two framings carry it:
 * the local KMS's (`LK`, version 1, algorithm, then the key id: src/kms-local/crypto/envelope.ts)
 * and Huawei Cloud's (`02 00`, a little-endian length n, the body, then the key id ending at
 * byte n: KMS-API-2.md §2.6). Only a well-formed key id counts, so random bytes of an RSA
 * ciphertext that happen to start alike are not taken for one.
 */
export function keyIdInCipherText(cipherText: string): string | undefined {
  const bytes = base64Bytes(cipherText);
  if (!bytes || bytes.length < 4 + KEY_ID_LENGTH) return undefined;
  const candidates: string[] = [];
  if (bytes[0] === 0x4c && bytes[1] === 0x4b && bytes[2] === 1) candidates.push(asciiAt(bytes, 4));
  if (bytes[0] === 0x02 && bytes[1] === 0x00) {
    const framed = (bytes[2] ?? 0) | ((bytes[3] ?? 0) << 8);
    candidates.push(asciiAt(bytes, framed - KEY_ID_LENGTH));
  }
  return candidates.find((candidate) => KEY_ID_PATTERN.test(candidate));
}
