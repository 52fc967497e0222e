import { EnvelopeError } from './errors';

/**
 * Bytes read on request, so the framing can ask for whole frames (or runs of them) and get
 * them without a copy where the input allows it: a Blob slice, a positional file read.
 */
export interface ByteReader {
  /**
   * Exactly `size` bytes, fewer only where the input ends (then empty arrays). Calls may
   * overlap: each one takes the bytes after the previous call's, in call order. The returned
   * array is the caller's; the reader never writes into it again.
   */
  read(size: number): Promise<Uint8Array>;
  /** Bytes per read that this input serves best (a few MiB for a Blob); a hint only. */
  readonly preferredReadSize?: number;
  /** Lets go of the input early (the consumer failed or stopped). */
  close?(): Promise<void>;
}

/** A plaintext or an envelope: a reader, or chunks of any size (streams, generators). */
export type ByteInput = ByteReader | AsyncIterable<Uint8Array>;

/** How many reads of the preferred size fit into `unit`-sized pieces: a whole multiple of it. */
export function readSizeFor(reader: ByteReader, unit: number): number {
  return unit * Math.max(1, Math.floor((reader.preferredReadSize ?? unit) / unit));
}

/**
 * Serves exact reads from chunks of any size: a view of the chunk when one chunk holds the
 * request (no copy), else the pieces gathered into a new array. Calls run one after another.
 */
function iterableReader(source: AsyncIterable<Uint8Array>, what: string): ByteReader {
  const iterator = source[Symbol.asyncIterator]();
  let chunk: Uint8Array = new Uint8Array(0);
  let ended = false;
  let queue: Promise<unknown> = Promise.resolve();

  const next = async (): Promise<boolean> => {
    const result = await iterator.next();
    if (result.done) {
      ended = true;
      return false;
    }
    if (!(result.value instanceof Uint8Array)) {
      throw new EnvelopeError('invalid-input', `${what} must carry Uint8Array chunks.`);
    }
    chunk = result.value;
    return true;
  };

  const readNow = async (size: number): Promise<Uint8Array> => {
    while (chunk.length === 0 && !ended) await next();
    if (chunk.length >= size) {
      const out = chunk.subarray(0, size);
      chunk = chunk.subarray(size);
      return out;
    }
    const out = new Uint8Array(size);
    let filled = 0;
    while (filled < size && (chunk.length > 0 || (!ended && (await next())))) {
      const count = Math.min(chunk.length, size - filled);
      out.set(chunk.subarray(0, count), filled);
      chunk = chunk.subarray(count);
      filled += count;
    }
    return filled === size ? out : out.subarray(0, filled);
  };

  return {
    read(size) {
      const result = queue.then(() => readNow(size));
      queue = result.catch(() => undefined);
      return result;
    },
    // Not awaited: a read may still be waiting for the source, and an error must not wait
    // for it (the source's owner, e.g. a pipeline, tears it down in any case).
    close() {
      iterator.return?.()?.catch(() => undefined);
      return Promise.resolve();
    },
  };
}

function isReader(input: ByteInput): input is ByteReader {
  return !(Symbol.asyncIterator in input) && typeof (input as ByteReader).read === 'function';
}

/** `what` names the input in the error for a chunk that is not bytes. */
export function toByteReader(input: ByteInput, what: string): ByteReader {
  return isReader(input) ? input : iterableReader(input, what);
}

/** Large slices: a Blob read costs a round trip to where its bytes live, whatever its size. */
const BLOB_READ_BYTES = 16 * 1024 * 1024;

/** Reads a Blob (a File) by slices; nothing is read before it is asked for. */
export function blobReader(blob: Blob): ByteReader {
  let position = 0;
  return {
    preferredReadSize: BLOB_READ_BYTES,
    async read(size) {
      const start = Math.min(position, blob.size);
      position = Math.min(start + size, blob.size);
      if (position === start) return new Uint8Array(0);
      return new Uint8Array(await blob.slice(start, position).arrayBuffer());
    },
  };
}
