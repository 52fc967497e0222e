import { concatBytes } from './bytes';
import {
  DEFAULT_FRAME_LENGTH,
  MAX_FRAME_LENGTH,
  MAX_SEQUENCE_NUMBER,
  MESSAGE_ID_LENGTH,
  MIN_FRAME_LENGTH,
} from './constants';
import { checkEncryptionContext, type EncryptionContext } from './encryption-context';
import { EnvelopeError, isEnvelopeError } from './errors';
import { serializeHeaderBody, type ParsedHeader } from './header';
import { describeHeader, type EnvelopeHeaderInfo } from './header-info';
import { computeHeaderTag, deriveMessageKeys } from './keys';
import type { EncryptionMaterials, Keyring } from './keyring';
import { sealFrame, type FrameContext } from './frames';

export interface EncryptOptions {
  /** Bound to the data key (by the keyring) and to every frame (through the header). */
  readonly encryptionContext?: EncryptionContext;
  /** Plaintext bytes per frame; DEFAULT_FRAME_LENGTH unless there is a reason. */
  readonly frameLength?: number;
}

/** For test vectors only: production callers never choose the message id. */
export interface EncryptInternals {
  readonly messageId?: Uint8Array;
}

export interface PreparedEncryption {
  /** The serialized header (body and tag), the first bytes of the envelope. */
  readonly header: Uint8Array;
  readonly headerInfo: EnvelopeHeaderInfo;
  /** Encrypts the plaintext source into frames. Call once. */
  frames(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined>;
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
  const { contentKey, commitKey } = await deriveMessageKeys(
    materials.dataKey,
    messageId,
    'encrypt',
  );
  const body = {
    messageId,
    encryptionContext,
    encryptedDataKeys: materials.encryptedDataKeys,
    frameLength,
    commitKey,
  };
  const bodyBytes = serializeHeaderBody(body);
  const authTag = await computeHeaderTag(contentKey, bodyBytes);
  const parsed: ParsedHeader = {
    ...body,
    bodyBytes,
    authTag,
    length: bodyBytes.length + authTag.length,
  };
  const frameContext: FrameContext = { contentKey, messageId };
  return {
    header: concatBytes(bodyBytes, authTag),
    headerInfo: await describeHeader(parsed, true),
    frames: (source) => encryptFrames(frameContext, frameLength, source),
  };
}

/**
 * Cuts the plaintext into frames of exactly `frameLength` bytes and a final frame of the
 * remainder (0..frameLength bytes). A full buffer is held back until more input arrives, so a
 * plaintext that is an exact multiple ends with a full final frame, as the spec prefers.
 *
 * One frame is sealed while the one before it is handed on: reading, encrypting and writing
 * overlap, and memory stays at two frames. A buffer handed to sealFrame is never written again
 * (a new one takes its place), whatever the crypto implementation does with it meanwhile.
 */
async function* encryptFrames(
  context: FrameContext,
  frameLength: number,
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  let pending = new Uint8Array(frameLength);
  let filled = 0;
  let sequenceNumber = 1;
  let inFlight: Promise<[Uint8Array, Uint8Array]> | undefined;
  const nextSequenceNumber = (): number => {
    if (sequenceNumber > MAX_SEQUENCE_NUMBER) {
      throw new EnvelopeError('invalid-input', 'The plaintext needs too many frames.');
    }
    return sequenceNumber++;
  };
  /** Starts sealing a frame; returns the previous one's bytes, sealed, to hand on. */
  const seal = (plaintext: Uint8Array, isFinal: boolean) => {
    const previous = inFlight;
    inFlight = sealFrame(context, nextSequenceNumber(), isFinal, plaintext);
    // Awaited on the next call (or at the end); until then a failure must not count as unhandled.
    inFlight.catch(() => undefined);
    return previous;
  };

  try {
    for await (const chunk of source) {
      if (!(chunk instanceof Uint8Array)) {
        throw new EnvelopeError(
          'invalid-input',
          'A plaintext stream must carry Uint8Array chunks.',
        );
      }
      let offset = 0;
      while (offset < chunk.length) {
        if (filled === frameLength) {
          const previous = seal(pending, false);
          pending = new Uint8Array(frameLength);
          filled = 0;
          if (previous) yield* await previous;
        }
        // Whole frames straight from the input chunk, without copying, while more input follows.
        if (filled === 0 && chunk.length - offset > frameLength) {
          const previous = seal(chunk.subarray(offset, offset + frameLength), false);
          offset += frameLength;
          if (previous) yield* await previous;
          continue;
        }
        const count = Math.min(frameLength - filled, chunk.length - offset);
        pending.set(chunk.subarray(offset, offset + count), filled);
        filled += count;
        offset += count;
      }
    }
    const previous = seal(pending.subarray(0, filled), true);
    if (previous) yield* await previous;
    yield* await (inFlight as Promise<[Uint8Array, Uint8Array]>);
  } finally {
    pending.fill(0);
  }
}

/** The whole envelope: header, then frames. */
export async function* encryptMessage(
  source: AsyncIterable<Uint8Array>,
  keyring: Keyring,
  options: EncryptOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const prepared = await prepareEncryption(keyring, options);
  yield prepared.header;
  yield* prepared.frames(source);
}
