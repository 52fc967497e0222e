const noop = () => undefined;

/**
 * Frames in flight: up to `depth` jobs run at once (WebCrypto spreads them over threads), and
 * their results are handed on in the order the jobs started, whatever order they finish in.
 */
export class OrderedWindow<T> {
  private readonly jobs: Promise<T>[] = [];

  constructor(private readonly depth: number) {}

  get full(): boolean {
    return this.jobs.length >= this.depth;
  }

  get size(): number {
    return this.jobs.length;
  }

  add(job: Promise<T>): void {
    // Awaited in order by next(); a failure meanwhile must not count as unhandled.
    job.catch(noop);
    this.jobs.push(job);
  }

  /** The oldest job's result (or its failure). */
  next(): Promise<T> {
    const job = this.jobs.shift();
    if (!job) throw new RangeError('OrderedWindow.next on an empty window.');
    return job;
  }
}
