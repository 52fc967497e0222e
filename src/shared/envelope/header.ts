import { concatBytes, fromUtf8, uint16BE, uint32BE, utf8 } from './bytes';
import {
  COMMIT_KEY_LENGTH,
  CONTENT_TYPE_FRAMED,
  LEGACY_MESSAGE_FORMAT_VERSION,
  MAX_ENCRYPTED_DATA_KEYS,
  MAX_FRAME_LENGTH,
  MAX_HEADER_LENGTH,
  MESSAGE_FORMAT_VERSION,
  MESSAGE_ID_LENGTH,
  MIN_FRAME_LENGTH,
  SUITE_ID,
  TAG_LENGTH,
} from './constants';
import {
  parseContextPairs,
  serializeContextField,
  type EncryptionContext,
} from './encryption-context';
import { EnvelopeError } from './errors';
import type { EncryptedDataKey } from './keyring';

/** The fields of a format 2.0 header body (suite 0x0478, framed content). */
export interface HeaderBody {
  readonly messageId: Uint8Array;
  readonly encryptionContext: EncryptionContext;
  readonly encryptedDataKeys: readonly EncryptedDataKey[];
  readonly frameLength: number;
  /** Algorithm suite data: the 32-byte commitment to the data key. */
  readonly commitKey: Uint8Array;
}

export interface ParsedHeader extends HeaderBody {
  /** The header body exactly as read: what the header tag authenticates. */
  readonly bodyBytes: Uint8Array;
  readonly authTag: Uint8Array;
  /** Header body plus tag: where the first frame starts. */
  readonly length: number;
}

export function serializeHeaderBody(body: HeaderBody): Uint8Array {
  const parts: Uint8Array[] = [
    new Uint8Array([MESSAGE_FORMAT_VERSION]),
    uint16BE(SUITE_ID),
    body.messageId,
    serializeContextField(body.encryptionContext),
    uint16BE(body.encryptedDataKeys.length),
  ];
  for (const edk of body.encryptedDataKeys) {
    const providerId = utf8(edk.providerId);
    for (const field of [providerId, edk.providerInfo, edk.encryptedDataKey]) {
      if (field.length > 0xffff) {
        throw new EnvelopeError('invalid-input', 'An encrypted data key entry is too long.');
      }
      parts.push(uint16BE(field.length), field);
    }
  }
  parts.push(new Uint8Array([CONTENT_TYPE_FRAMED]), uint32BE(body.frameLength), body.commitKey);
  return concatBytes(...parts);
}

/** Thrown inside the parser when the input ends early; tryParseHeader turns it into undefined. */
class NeedMoreBytes extends Error {}

class HeaderCursor {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  prefix(length: number): Uint8Array {
    return this.bytes.subarray(0, length);
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.bytes.length) throw new NeedMoreBytes();
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint8(): number {
    const at = this.offset;
    this.take(1);
    return this.view.getUint8(at);
  }

  uint16(): number {
    const at = this.offset;
    this.take(2);
    return this.view.getUint16(at, false);
  }

  uint32(): number {
    const at = this.offset;
    this.take(4);
    return this.view.getUint32(at, false);
  }
}

const malformed = (message: string) => new EnvelopeError('malformed-header', message);

/**
 * Parses a header from the start of `bytes`. Returns undefined when more bytes are needed;
 * throws an EnvelopeError when the bytes cannot be a header we accept. Nothing here is
 * authenticated yet: the tag is checked once the keyring has produced the data key.
 */
export function tryParseHeader(bytes: Uint8Array): ParsedHeader | undefined {
  const cursor = new HeaderCursor(bytes);
  try {
    return readHeader(cursor);
  } catch (error) {
    if (!(error instanceof NeedMoreBytes)) throw error;
    if (bytes.length >= MAX_HEADER_LENGTH) throw malformed('The header is implausibly long.');
    return undefined;
  }
}

function readHeader(cursor: HeaderCursor): ParsedHeader {
  readVersionAndSuite(cursor);
  const messageId = cursor.take(MESSAGE_ID_LENGTH);
  const encryptionContext = parseContextPairs(cursor.take(cursor.uint16()));
  const encryptedDataKeys = readEncryptedDataKeys(cursor);
  const contentType = cursor.uint8();
  if (contentType !== CONTENT_TYPE_FRAMED) {
    throw new EnvelopeError('unsupported-suite', 'Only framed content is supported.');
  }
  const frameLength = cursor.uint32();
  if (frameLength < MIN_FRAME_LENGTH || frameLength > MAX_FRAME_LENGTH) {
    throw malformed(`The frame length ${frameLength} is outside 1..${MAX_FRAME_LENGTH} bytes.`);
  }
  const commitKey = cursor.take(COMMIT_KEY_LENGTH);
  const bodyLength = cursor.position;
  const authTag = cursor.take(TAG_LENGTH);
  return {
    messageId,
    encryptionContext,
    encryptedDataKeys,
    frameLength,
    commitKey,
    bodyBytes: cursor.prefix(bodyLength),
    authTag,
    length: cursor.position,
  };
}

function readVersionAndSuite(cursor: HeaderCursor): void {
  const version = cursor.uint8();
  if (version === LEGACY_MESSAGE_FORMAT_VERSION) {
    throw new EnvelopeError(
      'unsupported-suite',
      'Message format 1.0 (without key commitment) is not accepted.',
    );
  }
  if (version !== MESSAGE_FORMAT_VERSION) {
    throw new EnvelopeError('not-an-envelope', 'These bytes are not a KMS envelope.');
  }
  const suiteId = cursor.uint16();
  if (suiteId !== SUITE_ID) {
    const hex = suiteId.toString(16).padStart(4, '0');
    throw new EnvelopeError('unsupported-suite', `Algorithm suite 0x${hex} is not supported.`);
  }
}

function readEncryptedDataKeys(cursor: HeaderCursor): EncryptedDataKey[] {
  const count = cursor.uint16();
  if (count === 0) throw malformed('The header holds no encrypted data key.');
  if (count > MAX_ENCRYPTED_DATA_KEYS) {
    throw malformed(`The header holds more than ${MAX_ENCRYPTED_DATA_KEYS} encrypted data keys.`);
  }
  const keys: EncryptedDataKey[] = [];
  for (let index = 0; index < count; index += 1) {
    const providerIdBytes = cursor.take(cursor.uint16());
    const providerInfo = cursor.take(cursor.uint16());
    const encryptedDataKey = cursor.take(cursor.uint16());
    let providerId: string;
    try {
      providerId = fromUtf8(providerIdBytes);
    } catch (cause) {
      throw new EnvelopeError('malformed-header', 'A key provider id is not UTF-8.', { cause });
    }
    keys.push({ providerId, providerInfo, encryptedDataKey });
  }
  return keys;
}
