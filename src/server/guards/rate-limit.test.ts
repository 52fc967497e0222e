import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a client spend its budget at once, then refills it over the minute', () => {
    const limiter = new RateLimiter({ perMinute: 3 });
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a', t0))).toEqual([true, true, true, false]);
    expect(limiter.take('b', t0)).toBe(true); // another client is not affected
    expect(limiter.take('a', t0 + 19_000)).toBe(false); // 0.95 of a request regained
    expect(limiter.take('a', t0 + 20_000)).toBe(true); // one request per 20 s
    expect(limiter.take('a', t0 + 20_001)).toBe(false);
    expect(limiter.take('a', t0 + 10 * 60_000)).toBe(true); // never more than the budget
    expect([1, 2, 3].map(() => limiter.take('a', t0 + 10 * 60_000))).toEqual([true, true, false]);
  });

  it('tracks a bounded number of clients however many appear', () => {
    const limiter = new RateLimiter({ perMinute: 10, maxClients: 100 });
    for (let i = 0; i < 10_000; i += 1) limiter.take(`client-${i}`, 5_000 + i);
    expect(limiter.trackedClients).toBeLessThanOrEqual(100);
  });

  it('forgets refilled clients first, keeping the ones still throttled', () => {
    const limiter = new RateLimiter({ perMinute: 1, maxClients: 2 });
    limiter.take('idle', 0);
    limiter.take('busy', 40_000); // spent its one request; a third refilled by 60 s
    limiter.take('newcomer', 60_000); // idle has fully refilled by now and goes
    expect(limiter.take('busy', 60_000)).toBe(false);
    expect(limiter.trackedClients).toBeLessThanOrEqual(2);
  });
});
