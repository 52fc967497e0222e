import { concatBytes } from './bytes';
import { EnvelopeError } from './errors';

/**
 * Pulls chunks from a byte source only as far as the parser needs, so decrypting holds at most
 * one frame plus one input chunk in memory.
 */
export class ByteQueue {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;

  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  get length(): number {
    return this.buffered;
  }

  /** Pulls until `count` bytes are buffered; false when the source ends first. */
  async fill(count: number): Promise<boolean> {
    while (this.buffered < count && !this.ended) await this.pull();
    return this.buffered >= count;
  }

  /** Pulls one more chunk; false when the source has ended. */
  async pull(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    if (!(next.value instanceof Uint8Array)) {
      throw new EnvelopeError('invalid-input', 'An envelope stream must carry Uint8Array chunks.');
    }
    if (next.value.length > 0) {
      this.chunks.push(next.value);
      this.buffered += next.value.length;
    }
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

  private dropFront(count: number): void {
    const first = this.chunks[0] as Uint8Array;
    if (count === first.length) this.chunks.shift();
    else this.chunks[0] = first.subarray(count);
    this.buffered -= count;
  }
}
