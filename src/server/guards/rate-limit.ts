/**
 * Per-client token buckets: each client may spend `perMinute` requests at once and regains
 * them at `perMinute` a minute. Memory stays bounded however many clients appear.
 */
export interface RateLimiterOptions {
  perMinute: number;
  /** Most clients tracked at once; beyond it the longest-idle are forgotten. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly refillPerMs: number;
  private readonly maxClients: number;

  constructor(options: RateLimiterOptions) {
    this.capacity = options.perMinute;
    this.refillPerMs = options.perMinute / 60_000;
    this.maxClients = options.maxClients ?? 50_000;
  }

  /** Spends one request for `client`; false when its bucket is empty. */
  take(client: string, now = Date.now()): boolean {
    const bucket = this.buckets.get(client);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxClients) this.evict(now);
      this.buckets.set(client, { tokens: this.capacity - 1, updatedAt: now });
      return this.capacity >= 1;
    }
    // Re-insert so the Map's order stays least-recently-used first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    bucket.tokens = Math.min(
      this.capacity,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  get trackedClients(): number {
    return this.buckets.size;
  }

  /** Drops clients whose bucket has refilled (they lose nothing), then the oldest tenth. */
  private evict(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.capacity) {
        this.buckets.delete(client);
      }
    }
    if (this.buckets.size < this.maxClients) return;
    let excess = Math.ceil(this.maxClients / 10);
    for (const client of this.buckets.keys()) {
      if (excess-- <= 0) break;
      this.buckets.delete(client);
    }
  }
}
