import { concatBytes } from './bytes';
import type { ByteReader } from './byte-reader';

const noop = () => undefined;

/**
 * Reads only as far as the parser needs, plus the reads it asked for ahead of time, so
 * decrypting holds a bounded number of frames in memory whatever the envelope's size.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;
  /** Reads started by prefetch(), in order, with the byte counts they asked for. */
  private readonly ahead: Array<{ bytes: Promise<Uint8Array>; size: number }> = [];
  private aheadBytes = 0;

  constructor(private readonly reader: ByteReader) {}

  get length(): number {
    return this.buffered;
  }

  /** Bytes buffered or on their way from reads already started. */
  get lengthWithReadsAhead(): number {
    return this.buffered + this.aheadBytes;
  }

  /** Whether the input has ended (what is buffered is all there is). */
  get atEnd(): boolean {
    return this.ended;
  }

  /** Starts reading `size` more bytes now; later fills take them first, in order. */
  prefetch(size: number): void {
    if (this.ended) return;
    const bytes = this.reader.read(size);
    // Awaited by a later pull; a failure before then must not count as unhandled.
    bytes.catch(noop);
    this.ahead.push({ bytes, size });
    this.aheadBytes += size;
  }

  /** Pulls until `count` bytes are buffered; false when the input ends first. */
  async fill(count: number): Promise<boolean> {
    while (this.buffered < count && (await this.pull(count - this.buffered)));
    return this.buffered >= count;
  }

  /** Pulls one more read (a prefetched one first); false when the input has ended. */
  async pull(size: number): Promise<boolean> {
    if (this.ended) return false;
    const next = this.ahead.shift();
    if (next) this.aheadBytes -= next.size;
    const bytes = await (next ? next.bytes : this.reader.read(size));
    if (bytes.length === 0) {
      this.ended = true;
      return false;
    }
    this.chunks.push(bytes);
    this.buffered += bytes.length;
    return true;
  }

  /** Everything buffered, as one array (merged in place so repeated peeks do not re-copy). */
  peekAll(): Uint8Array {
    if (this.chunks.length > 1) this.chunks = [concatBytes(...this.chunks)];
    return this.chunks[0] ?? new Uint8Array(0);
  }

  /** Takes exactly `count` buffered bytes; a view, not a copy, when one chunk holds them. */
  take(count: number): Uint8Array {
    if (count > this.buffered) throw new RangeError('ByteQueue.take beyond buffered bytes.');
    const first = this.chunks[0];
    if (first && first.length >= count) {
      const out = first.subarray(0, count);
      this.dropFront(count);
      return out;
    }
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[0] as Uint8Array;
      const part = Math.min(chunk.length, count - filled);
      out.set(chunk.subarray(0, part), filled);
      filled += part;
      this.dropFront(part);
    }
    return out;
  }

  takeUint32(): number {
    const bytes = this.take(4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false);
  }

  /** Lets go of the input (the reads already started finish on their own). */
  async close(): Promise<void> {
    this.ended = true;
    await this.reader.close?.();
  }

  private dropFront(count: number): void {
    const first = this.chunks[0] as Uint8Array;
    if (count === first.length) this.chunks.shift();
    else this.chunks[0] = first.subarray(count);
    this.buffered -= count;
  }
}
