import { readSizeFor, toByteReader, type ByteInput } from './byte-reader';
import { constantTimeEqual } from './bytes';
import { FRAMES_IN_FLIGHT, IV_LENGTH, SEQUENCE_NUMBER_END, TAG_LENGTH } from './constants';
import type { EncryptionContext } from './encryption-context';
import { EnvelopeError, isEnvelopeError } from './errors';
import { ByteQueue } from './byte-queue';
import {
  FINAL_FRAME_PREFIX_LENGTH,
  REGULAR_FRAME_PREFIX_LENGTH,
  frameIv,
  openFrame,
  WHOLE_BODY,
  type FrameContext,
  type FrameRun,
} from './frames';
import { tryParseHeader, type ParsedHeader } from './header';
import { describeHeader, type EnvelopeHeaderInfo } from './header-info';
import {
  checkCommitment,
  deriveWebCryptoKeys,
  verifyHeaderTag,
  type DeriveMessageKeys,
} from './keys';
import type { Keyring } from './keyring';
import { OrderedWindow } from './ordered-window';

export interface DecryptOptions {
  /** Pairs the header must contain (extra pairs are allowed), checked once it is verified. */
  readonly requiredEncryptionContext?: EncryptionContext;
  /** WebCrypto (non-extractable keys) unless given; see DeriveMessageKeys. */
  readonly deriveMessageKeys?: DeriveMessageKeys;
}

export interface OpenedEnvelope {
  /** The verified header: data key unwrapped, commitment and header tag checked. */
  readonly header: EnvelopeHeaderInfo;
  /**
   * Plaintext, one verified frame at a time. If it throws, everything it yielded before must
   * be discarded: only a stream that ends without error is the authentic plaintext.
   */
  readonly plaintext: AsyncGenerator<Uint8Array, void, undefined>;
}

/** A first read that holds most headers whole; longer ones are read in growing steps. */
const HEADER_READ_BYTES = 4096;

async function readHeader(queue: ByteQueue): Promise<ParsedHeader> {
  for (;;) {
    const header = queue.length > 0 ? tryParseHeader(queue.peekAll()) : undefined;
    if (header) return header;
    if (!(await queue.pull(Math.max(HEADER_READ_BYTES, queue.length)))) {
      if (queue.length === 0) throw new EnvelopeError('not-an-envelope', 'The input is empty.');
      throw new EnvelopeError('truncated', 'The input ends inside the envelope header.');
    }
  }
}

async function unwrapDataKey(keyring: Keyring, header: ParsedHeader): Promise<Uint8Array> {
  try {
    return await keyring.onDecrypt({
      encryptionContext: header.encryptionContext,
      encryptedDataKeys: header.encryptedDataKeys,
    });
  } catch (cause) {
    if (isEnvelopeError(cause) && cause.kind === 'data-key-unwrap-failed') throw cause;
    throw new EnvelopeError('data-key-unwrap-failed', 'The data key could not be unwrapped.', {
      cause,
    });
  }
}

function checkRequiredContext(header: ParsedHeader, required: EncryptionContext): void {
  for (const [key, value] of Object.entries(required)) {
    if (!Object.hasOwn(header.encryptionContext, key) || header.encryptionContext[key] !== value) {
      throw new EnvelopeError(
        'context-mismatch',
        `The envelope's encryption context does not contain ${key}=${value}.`,
      );
    }
  }
}

/**
 * Reads and verifies the header (asking the keyring for the data key), and returns the header
 * with a generator for the plaintext. Order: parse, unwrap, commitment, header tag, context.
 */
export async function openEnvelope(
  source: ByteInput,
  keyring: Keyring,
  options: DecryptOptions = {},
): Promise<OpenedEnvelope> {
  const reader = toByteReader(source, 'An envelope stream');
  const queue = new ByteQueue(reader);
  try {
    const header = await readHeader(queue);
    queue.take(header.length);
    const dataKey = await unwrapDataKey(keyring, header);
    const derive = options.deriveMessageKeys ?? deriveWebCryptoKeys;
    const { cipher, commitKey } = await derive(dataKey, header.messageId, 'decrypt');
    checkCommitment(commitKey, header.commitKey);
    await verifyHeaderTag(cipher, header.bodyBytes, header.authTag);
    checkRequiredContext(header, options.requiredEncryptionContext ?? {});
    const context: FrameContext = { cipher, messageId: header.messageId };
    return {
      header: await describeHeader(header, true),
      plaintext: openFrames(queue, readSizeFor(reader, regularFrameBytes(header)), {
        context,
        frameLength: header.frameLength,
        run: WHOLE_BODY,
      }),
    };
  } catch (error) {
    await queue.close();
    throw error;
  }
}

function regularFrameBytes(header: ParsedHeader): number {
  return REGULAR_FRAME_PREFIX_LENGTH + header.frameLength + TAG_LENGTH;
}

async function need(queue: ByteQueue, count: number, where: string): Promise<void> {
  if (!(await queue.fill(count))) {
    throw new EnvelopeError('truncated', `The envelope ends ${where}.`);
  }
}

function checkIv(iv: Uint8Array, sequenceNumber: number): void {
  if (!constantTimeEqual(iv, frameIv(sequenceNumber))) {
    throw new EnvelopeError('frame-changed', `Frame ${sequenceNumber} has a changed IV.`);
  }
}

/**
 * Keeps reads going ahead, each a whole number of regular frames and ending on a frame
 * boundary, so that every frame after the first lies within one read and is opened in place.
 */
function readAhead(queue: ByteQueue, readSize: number, frameBytes: number): void {
  while (!queue.atEnd && queue.lengthWithReadsAhead < 2 * readSize) {
    const past = queue.lengthWithReadsAhead % frameBytes;
    queue.prefetch(past === 0 ? readSize : frameBytes - past);
  }
}

/**
 * Opens frame after frame, several at once while earlier ones are handed on, so reading,
 * decrypting and writing overlap (memory: a few frames). Only verified plaintext is ever
 * handed on, and the final frame's only once the input ends right there.
 */
async function* openFrames(
  queue: ByteQueue,
  readSize: number,
  { context, frameLength, run }: { context: FrameContext; frameLength: number; run: FrameRun },
): AsyncGenerator<Uint8Array, void, undefined> {
  const frameBytes = REGULAR_FRAME_PREFIX_LENGTH + frameLength + TAG_LENGTH;
  const window = new OrderedWindow<Uint8Array>(context.cipher.framesInFlight ?? FRAMES_IN_FLIGHT);
  try {
    for (let expected = run.firstSequenceNumber; ; expected += 1) {
      readAhead(queue, readSize, frameBytes);
      // A run that does not end the message ends after a whole regular frame.
      if (!run.endsMessage && !(await queue.fill(1))) {
        while (window.size > 0) yield await window.next();
        return;
      }
      await need(queue, 4, 'before its final frame');
      const marker = queue.takeUint32();
      const isFinal = marker === SEQUENCE_NUMBER_END;
      if (isFinal) await need(queue, FINAL_FRAME_PREFIX_LENGTH - 4, `inside frame ${expected}`);
      else await need(queue, IV_LENGTH, `inside frame ${expected}`);
      const sequenceNumber = isFinal ? queue.takeUint32() : marker;
      if (sequenceNumber !== expected) {
        throw new EnvelopeError(
          'frames-reordered',
          `Frame ${sequenceNumber} is where frame ${expected} belongs.`,
        );
      }
      checkIv(queue.take(IV_LENGTH), sequenceNumber);
      const contentLength = isFinal ? queue.takeUint32() : frameLength;
      if (contentLength > frameLength) {
        throw new EnvelopeError(
          'frame-changed',
          'The final frame claims more than a frame length.',
        );
      }
      await need(queue, contentLength + TAG_LENGTH, `inside frame ${expected}`);
      const sealed = queue.take(contentLength + TAG_LENGTH);
      window.add(openFrame(context, sequenceNumber, isFinal, sealed));
      if (!isFinal) {
        if (window.full) yield await window.next();
        continue;
      }
      while (window.size > 1) yield await window.next();
      const plaintext = await window.next();
      // The last plaintext is released only once the input is known to end right here.
      if (!run.endsMessage || (await queue.fill(1))) {
        throw new EnvelopeError('trailing-data', 'Bytes follow the final frame.');
      }
      yield plaintext;
      return;
    }
  } finally {
    await queue.close();
  }
}

/** The frames of a run of an envelope's body (after its header), each opened and verified. */
export function decryptFrames(
  source: ByteInput,
  context: FrameContext,
  frameLength: number,
  run: FrameRun,
): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = toByteReader(source, 'An envelope stream');
  const readSize = readSizeFor(reader, REGULAR_FRAME_PREFIX_LENGTH + frameLength + TAG_LENGTH);
  return openFrames(new ByteQueue(reader), readSize, { context, frameLength, run });
}

/** The whole plaintext stream of an envelope (header verified first). */
export async function* decryptMessage(
  source: ByteInput,
  keyring: Keyring,
  options: DecryptOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const opened = await openEnvelope(source, keyring, options);
  yield* opened.plaintext;
}
