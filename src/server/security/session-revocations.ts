/**
 * Sessions signed out on this server, remembered until they would have ended anyway. The set
 * is in memory: another replica learns nothing of it, and there a copied cookie keeps
 * working until it lapses (CONSOLE_SESSION_IDLE_MINUTES) unless it is used to renew it.
 */
export class SessionRevocations {
  /** Session id → when the session ends (ms); Map order is the order of sign-out. */
  private readonly revoked = new Map<string, number>();

  constructor(private readonly maxEntries = 100_000) {}

  revoke(sessionId: string, endsAt: number, now = Date.now()): void {
    if (this.revoked.size >= this.maxEntries) this.forgetEnded(now);
    // Still full of live sessions: the oldest sign-out goes (its cookie has most likely lapsed).
    if (this.revoked.size >= this.maxEntries) {
      const oldest = this.revoked.keys().next();
      if (!oldest.done) this.revoked.delete(oldest.value);
    }
    this.revoked.set(sessionId, endsAt);
  }

  isRevoked(sessionId: string): boolean {
    return this.revoked.has(sessionId);
  }

  get size(): number {
    return this.revoked.size;
  }

  private forgetEnded(now: number): void {
    for (const [sessionId, endsAt] of this.revoked) {
      if (endsAt <= now) this.revoked.delete(sessionId);
    }
  }
}
