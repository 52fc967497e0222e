/**
 * A file's frames cut into runs that threads seal or open side by side. In Chromium most of a
 * crypto.subtle call, a Blob read and a Blob built happen on the calling thread, so one thread
 * could not go past ~100 MiB/s; runs in workers use the other cores. Each run is checked by the
 * same framing code as a whole body (src/shared/envelope), from its first sequence number.
 */
import { blobReader } from '../../../shared/envelope/byte-reader';
import { TAG_LENGTH } from '../../../shared/envelope/constants';
import { EnvelopeError, isEnvelopeError } from '../../../shared/envelope/errors';
import { decryptFrames } from '../../../shared/envelope/decrypt';
import { encryptFrames } from '../../../shared/envelope/encrypt';
import {
  FINAL_FRAME_PREFIX_LENGTH,
  REGULAR_FRAME_PREFIX_LENGTH,
  WHOLE_BODY,
  type FrameRun,
} from '../../../shared/envelope/frames';
import { webCryptoCipher } from '../../../shared/envelope/keys';
import { OrderedWindow } from '../../../shared/envelope/ordered-window';
import { blobSink, type ByteSink } from './sinks';

/** Frames per run: 32 MiB of output per Blob, as the Blob sink gathers them anyway. */
const FRAMES_PER_RUN = 32;

export interface BodyKeys {
  readonly op: 'encrypt' | 'decrypt';
  /** The message's content key: non-extractable, passed to workers by structured clone. */
  readonly key: CryptoKey;
  readonly messageId: Uint8Array;
  readonly frameLength: number;
}

/** One run: its bytes (a slice of the file) and where it stands in the message. */
export interface RunRequest extends BodyKeys {
  readonly input: Blob;
  readonly run: FrameRun;
}

export type RunReply =
  | { readonly output: Blob }
  | { readonly error: { readonly kind?: EnvelopeError['kind']; readonly message: string } };

/** Where runs are done: worker threads in the page (worker-pool.ts), or this thread. */
export interface RunPool {
  readonly size: number;
  run(request: RunRequest): Promise<RunReply>;
}

interface Slice {
  readonly start: number;
  readonly end: number;
  readonly run: FrameRun;
}

/**
 * Byte ranges of `size` bytes in runs of `unit`-byte frames; the last run holds the rest, and
 * at least `tail` bytes more than whole runs (a final frame may be longer than a regular one).
 */
function slices(size: number, unit: number, tail = 0): Slice[] {
  const runBytes = FRAMES_PER_RUN * unit;
  const count = Math.max(1, Math.ceil((size - tail) / runBytes));
  return Array.from({ length: count }, (_, index) => ({
    start: index * runBytes,
    end: index === count - 1 ? size : (index + 1) * runBytes,
    run: { firstSequenceNumber: index * FRAMES_PER_RUN + 1, endsMessage: index === count - 1 },
  }));
}

/** A plaintext that is an exact multiple of runs still ends with a full final frame. */
function plaintextSlices(size: number, frameLength: number): Slice[] {
  return slices(size, frameLength);
}

/**
 * The body after the header: regular frames have a fixed size; the final one, which ends it,
 * has a longer prefix and may be as long as a regular frame plus that difference.
 */
export function envelopeSlices(bodySize: number, frameLength: number): Slice[] {
  const finalExtra = FINAL_FRAME_PREFIX_LENGTH - REGULAR_FRAME_PREFIX_LENGTH;
  return slices(bodySize, REGULAR_FRAME_PREFIX_LENGTH + frameLength + TAG_LENGTH, finalExtra);
}

function failure(error: unknown): RunReply {
  const message = error instanceof Error ? error.message : String(error);
  return { error: isEnvelopeError(error) ? { kind: error.kind, message } : { message } };
}

/** Seals or opens one run into a Blob, in the calling thread (a worker's, or a test's). */
export async function runFrames(request: RunRequest): Promise<RunReply> {
  const context = { cipher: webCryptoCipher(request.key), messageId: request.messageId };
  const reader = blobReader(request.input);
  const frames =
    request.op === 'encrypt'
      ? encryptFrames(context, request.frameLength, reader, request.run)
      : decryptFrames(reader, context, request.frameLength, request.run);
  const sink = blobSink();
  try {
    for await (const chunk of frames) await sink.write(chunk);
    return { output: (await sink.commit()) as Blob };
  } catch (error) {
    await sink.discard(error);
    return failure(error);
  }
}

/** The same thread, one run after another: where workers are not available. */
export const inThisThread: RunPool = { size: 1, run: runFrames };

function errorOf(reply: RunReply): Error | undefined {
  if (!('error' in reply)) return undefined;
  const { kind, message } = reply.error;
  return kind ? new EnvelopeError(kind, message) : new Error(message);
}

/**
 * The body of `input` through the pool, in order into the sink, a few runs at once. A run
 * that fails stops the job; for an envelope, the body is then read again from its start by
 * one reader, so the error named is the one the whole-body reading names (a run knows only
 * its own frames: a final frame too early, say, is its neighbour's business).
 */
export async function runBody(
  pool: RunPool,
  keys: BodyKeys,
  input: Blob,
  sink: ByteSink,
  onProgress?: (bytesRead: number) => void,
): Promise<void> {
  const parts =
    keys.op === 'encrypt'
      ? plaintextSlices(input.size, keys.frameLength)
      : envelopeSlices(input.size, keys.frameLength);
  const window = new OrderedWindow<RunReply>(2 * pool.size);
  const start = (part: Slice) =>
    window.add(pool.run({ ...keys, input: input.slice(part.start, part.end), run: part.run }));
  let next = 0;
  while (next < parts.length && !window.full) start(parts[next++] as Slice);
  for (const part of parts) {
    const reply = await window.next();
    const error = errorOf(reply);
    if (error) throw parts.length > 1 ? await wholeBodyError(keys, input, error) : error;
    await sink.write((reply as { output: Blob }).output);
    onProgress?.(part.end);
    if (next < parts.length) start(parts[next++] as Slice);
  }
}

async function wholeBodyError(keys: BodyKeys, input: Blob, runError: Error): Promise<Error> {
  if (keys.op === 'encrypt') return runError;
  const reply = await runFrames({ ...keys, input, run: WHOLE_BODY });
  return errorOf(reply) ?? runError;
}
