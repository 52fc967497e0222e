import { constantTimeEqual } from './bytes';
import { IV_LENGTH, SEQUENCE_NUMBER_END, TAG_LENGTH } from './constants';
import type { EncryptionContext } from './encryption-context';
import { EnvelopeError, isEnvelopeError } from './errors';
import { ByteQueue } from './byte-queue';
import { FINAL_FRAME_PREFIX_LENGTH, frameIv, openFrame, type FrameContext } from './frames';
import { tryParseHeader, type ParsedHeader } from './header';
import { describeHeader, type EnvelopeHeaderInfo } from './header-info';
import { checkCommitment, deriveMessageKeys, verifyHeaderTag } from './keys';
import type { Keyring } from './keyring';

export interface DecryptOptions {
  /** Pairs the header must contain (extra pairs are allowed), checked once it is verified. */
  readonly requiredEncryptionContext?: EncryptionContext;
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

async function readHeader(queue: ByteQueue): Promise<ParsedHeader> {
  for (;;) {
    const header = queue.length > 0 ? tryParseHeader(queue.peekAll()) : undefined;
    if (header) return header;
    if (!(await queue.pull())) {
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
  source: AsyncIterable<Uint8Array>,
  keyring: Keyring,
  options: DecryptOptions = {},
): Promise<OpenedEnvelope> {
  const queue = new ByteQueue(source[Symbol.asyncIterator]());
  const header = await readHeader(queue);
  queue.take(header.length);
  const dataKey = await unwrapDataKey(keyring, header);
  const { contentKey, commitKey } = await deriveMessageKeys(dataKey, header.messageId, 'decrypt');
  checkCommitment(commitKey, header.commitKey);
  await verifyHeaderTag(contentKey, header.bodyBytes, header.authTag);
  checkRequiredContext(header, options.requiredEncryptionContext ?? {});
  const context: FrameContext = { contentKey, messageId: header.messageId };
  return {
    header: await describeHeader(header, true),
    plaintext: decryptFrames(queue, context, header.frameLength),
  };
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
 * Opens frame after frame. The next frame is being opened while the one before it is handed
 * on, so that reading, decrypting and writing overlap (memory: two frames). Only verified
 * plaintext is ever handed on, and the final frame's only once the input ends right there.
 */
async function* decryptFrames(
  queue: ByteQueue,
  context: FrameContext,
  frameLength: number,
): AsyncGenerator<Uint8Array, void, undefined> {
  let previous: Promise<Uint8Array> | undefined;
  for (let expected = 1; ; expected += 1) {
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
      throw new EnvelopeError('frame-changed', 'The final frame claims more than a frame length.');
    }
    await need(queue, contentLength + TAG_LENGTH, `inside frame ${expected}`);
    const opening = openFrame(
      context,
      sequenceNumber,
      isFinal,
      queue.take(contentLength + TAG_LENGTH),
    );
    // Awaited below or on the next frame; a failure meanwhile must not count as unhandled.
    opening.catch(() => undefined);
    if (previous) yield await previous;
    if (!isFinal) {
      previous = opening;
      continue;
    }
    const plaintext = await opening;
    // The last plaintext is released only once the input is known to end right here.
    if (await queue.fill(1)) {
      throw new EnvelopeError('trailing-data', 'Bytes follow the final frame.');
    }
    yield plaintext;
    return;
  }
}

/** The whole plaintext stream of an envelope (header verified first). */
export async function* decryptMessage(
  source: AsyncIterable<Uint8Array>,
  keyring: Keyring,
  options: DecryptOptions = {},
): AsyncGenerator<Uint8Array, void, undefined> {
  const opened = await openEnvelope(source, keyring, options);
  yield* opened.plaintext;
}
