import { readSizeFor, toByteReader, type ByteInput, type ByteReader } from './byte-reader';
import { concatBytes } from './bytes';
import {
  DEFAULT_FRAME_LENGTH,
  FRAMES_IN_FLIGHT,
  MAX_FRAME_LENGTH,
  MAX_SEQUENCE_NUMBER,
  MESSAGE_ID_LENGTH,
  MIN_FRAME_LENGTH,
} from './constants';
import { checkEncryptionContext, type EncryptionContext } from './encryption-context';
import { EnvelopeError, isEnvelopeError } from './errors';
import { serializeHeaderBody, type ParsedHeader } from './header';
import { describeHeader, type EnvelopeHeaderInfo } from './header-info';
import { computeHeaderTag, deriveWebCryptoKeys, type DeriveMessageKeys } from './keys';
import type { EncryptionMaterials, Keyring } from './keyring';
import { sealFrame, WHOLE_BODY, type FrameContext, type FrameRun } from './frames';
import { OrderedWindow } from './ordered-window';

export interface EncryptOptions {
  /** Bound to the data key (by the keyring) and to every frame (through the header). */
  readonly encryptionContext?: EncryptionContext;
  /** Plaintext bytes per frame; DEFAULT_FRAME_LENGTH unless there is a reason. */
  readonly frameLength?: number;
  /** WebCrypto (non-extractable keys) unless given; see DeriveMessageKeys. */
  readonly deriveMessageKeys?: DeriveMessageKeys;
}

/** For test vectors only: production callers never choose the message id. */
export interface EncryptInternals {
  readonly messageId?: Uint8Array;
}

export interface PreparedEncryption {
  /** The serialized header (body and tag), the first bytes of the envelope. */
  readonly header: Uint8Array;
  readonly headerInfo: EnvelopeHeaderInfo;
  /** Encrypts the plaintext into frames, each as its parts. Call once. */
  frames(source: ByteInput): AsyncGenerator<Uint8Array, void, undefined>;
}

function checkFrameLength(frameLength: number): number {
  if (
    !Number.isInteger(frameLength) ||
    frameLength < MIN_FRAME_LENGTH ||
    frameLength > MAX_FRAME_LENGTH
  ) {
    throw new EnvelopeError(
      'invalid-input',
      `The frame length must be a whole number of bytes from 1 to ${MAX_FRAME_LENGTH}.`,
    );
  }
  return frameLength;
}

/**
 * Asks the keyring for a data key and builds the header, before any plaintext is read, so a
 * KMS refusal surfaces before a file is opened or an output is created.
 */
export async function prepareEncryption(
  keyring: Keyring,
  options: EncryptOptions = {},
): Promise<PreparedEncryption> {
  return prepareEncryptionWithInternals(keyring, options, {});
}

/** Not exported from index.ts: lets test vectors fix the message id. */
export async function prepareEncryptionWithInternals(
  keyring: Keyring,
  options: EncryptOptions,
  internals: EncryptInternals,
): Promise<PreparedEncryption> {
  const encryptionContext = checkEncryptionContext(options.encryptionContext ?? {});
  const frameLength = checkFrameLength(options.frameLength ?? DEFAULT_FRAME_LENGTH);
  const messageId =
    internals.messageId ?? globalThis.crypto.getRandomValues(new Uint8Array(MESSAGE_ID_LENGTH));
  if (messageId.length !== MESSAGE_ID_LENGTH) {
    throw new EnvelopeError('invalid-input', `A message id is ${MESSAGE_ID_LENGTH} bytes.`);
  }

  let materials: EncryptionMaterials;
  try {
    materials = await keyring.onEncrypt({ encryptionContext });
  } catch (cause) {
    if (isEnvelopeError(cause)) throw cause;
    throw new EnvelopeError('data-key-unavailable', 'No data key could be obtained.', { cause });
  }
  if (materials.encryptedDataKeys.length === 0) {
    materials.dataKey.fill(0);
    throw new EnvelopeError('data-key-unavailable', 'The keyring wrapped no data key.');
  }
  const derive = options.deriveMessageKeys ?? deriveWebCryptoKeys;
  const { cipher, commitKey } = await derive(materials.dataKey, messageId, 'encrypt');
  const body = {
    messageId,
    encryptionContext,
    encryptedDataKeys: materials.encryptedDataKeys,
    frameLength,
    commitKey,
  };
  const bodyBytes = serializeHeaderBody(body);
  const authTag = await computeHeaderTag(cipher, bodyBytes);
  const parsed: ParsedHeader = {
    ...body,
    bodyBytes,
    authTag,
    length: bodyBytes.length + authTag.length,
  };
  const frameContext: FrameContext = { cipher, messageId };
  return {
    header: concatBytes(bodyBytes, authTag),
    headerInfo: await describeHeader(parsed, true),
    frames: (source) =>
      encryptFrames(frameContext, frameLength, toByteReader(source, 'A plaintext stream')),
  };
}

/** Reads of whole frames kept going ahead of the frame being cut. */
const READS_AHEAD = 2;

/**
 * Cuts the plaintext into frames of exactly `frameLength` bytes and a final frame of the
 * remainder (0..frameLength bytes): views of the reads, which are whole multiples of a frame.
 * A plaintext that is an exact multiple ends with a full final frame, as the spec prefers, so
 * a full read is only known to hold the last frame once the read after it came back empty.
 */
async function* plaintextFrames(
  reader: ByteReader,
  frameLength: number,
  endsMessage: boolean,
): AsyncGenerator<{ plaintext: Uint8Array; isFinal: boolean }, void, undefined> {
  const readSize = readSizeFor(reader, frameLength);
  const reads: Promise<Uint8Array>[] = [];
  const readAhead = () => {
    while (reads.length < READS_AHEAD) {
      const read = reader.read(readSize);
      read.catch(() => undefined);
      reads.push(read);
    }
  };
  readAhead();
  let current = await (reads.shift() as Promise<Uint8Array>);
  for (;;) {
    let next: Uint8Array | undefined;
    if (current.length === readSize) {
      readAhead();
      next = await (reads.shift() as Promise<Uint8Array>);
    }
    const isLast = next === undefined || next.length === 0;
    const count = Math.max(1, Math.ceil(current.length / frameLength));
    if (!endsMessage && current.length !== count * frameLength) {
      throw new EnvelopeError('invalid-input', 'A run of regular frames must be whole frames.');
    }
    for (let index = 0; index < count; index += 1) {
      yield {
        plaintext: current.subarray(index * frameLength, (index + 1) * frameLength),
        isFinal: endsMessage && isLast && index === count - 1,
      };
    }
    if (isLast || next === undefined) return;
    current = next;
  }
}

/**
 * Several frames are sealed at once while earlier ones are handed on, so reading, AES-GCM
 * and writing overlap; memory stays at a few frames. A plaintext view handed to sealFrame is
 * never written again, whatever the crypto implementation does with it meanwhile.
 */
export async function* encryptFrames(
  context: FrameContext,
  frameLength: number,
  reader: ByteReader,
  run: FrameRun = WHOLE_BODY,
): AsyncGenerator<Uint8Array, void, undefined> {
  const window = new OrderedWindow<Uint8Array[]>(context.cipher.framesInFlight ?? FRAMES_IN_FLIGHT);
  let sequenceNumber = run.firstSequenceNumber;
  try {
    for await (const { plaintext, isFinal } of plaintextFrames(
      reader,
      frameLength,
      run.endsMessage,
    )) {
      if (sequenceNumber > MAX_SEQUENCE_NUMBER) {
        throw new EnvelopeError('invalid-input', 'The plaintext needs too many frames.');
      }
      window.add(sealFrame(context, sequenceNumber, isFinal, plaintext));
      sequenceNumber += 1;
      if (window.full) yield* await window.next();
    }
    while (window.size > 0) yield* await window.next();
  } finally {
    await reader.close?.();
  }
}

/** The whole envelope: header, then frames. */
export async function* encryptMessage(
  source: ByteInput,
  keyring: Keyring,
  options: EncryptOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const prepared = await prepareEncryption(keyring, options);
  yield prepared.header;
  yield* prepared.frames(source);
}
