import { concatBytes, toHex } from './bytes';
import { SUITE_ID } from './constants';
import type { EncryptionContext } from './encryption-context';
import { EnvelopeError } from './errors';
import { tryParseHeader, type ParsedHeader } from './header';
import { sha256Hex } from './keys';
import type { EncryptedDataKey } from './keyring';

/** What the UI and the history show about an envelope; never anything secret. */
export interface EnvelopeHeaderInfo {
  /** False for parseHeader() output: the fields are what the bytes claim, not yet verified. */
  readonly authenticated: boolean;
  readonly suiteId: number;
  readonly messageId: string;
  readonly encryptionContext: EncryptionContext;
  readonly encryptedDataKeys: readonly EncryptedDataKey[];
  readonly frameLength: number;
  /** Bytes of header (body and tag) before the first frame. */
  readonly headerLength: number;
  /** SHA-256 hex of the header bytes: names this envelope in the history. */
  readonly headerFingerprint: string;
}

export async function describeHeader(
  header: ParsedHeader,
  authenticated: boolean,
): Promise<EnvelopeHeaderInfo> {
  return {
    authenticated,
    suiteId: SUITE_ID,
    messageId: toHex(header.messageId),
    encryptionContext: header.encryptionContext,
    encryptedDataKeys: header.encryptedDataKeys,
    frameLength: header.frameLength,
    headerLength: header.length,
    headerFingerprint: await sha256Hex(concatBytes(header.bodyBytes, header.authTag)),
  };
}

/**
 * Reads the header from the first bytes of an envelope, to show key, context and fingerprint
 * before decrypting. Unauthenticated: decryption verifies it. Throws `truncated` when `bytes`
 * ends inside the header (read more of the file and retry).
 */
export async function parseHeader(bytes: Uint8Array): Promise<EnvelopeHeaderInfo> {
  if (bytes.length === 0) throw new EnvelopeError('not-an-envelope', 'The input is empty.');
  const header = tryParseHeader(bytes);
  if (!header) throw new EnvelopeError('truncated', 'The input ends inside the envelope header.');
  return describeHeader(header, false);
}
