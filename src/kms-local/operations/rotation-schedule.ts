/**
 * Scheduled rotation: an enabled key whose rotation is on rotates once its interval has
 * passed since the last rotation (or since rotation was enabled). Disabled and pending keys
 * wait; once enabled again they rotate at the next check if the interval has passed, as the
 * cloud's do. The check runs before every request and on a timer, and is cheap when nothing
 * is due: it remembers the earliest due time.
 */
import type { Keystore, KeyMetadata } from '../keystore/keystore';
import { rotatedAt } from './rotation-operations';

const DAY_MS = 24 * 60 * 60 * 1000;

class NoLongerDue extends Error {}

function dueAt(metadata: KeyMetadata): number | null {
  const rotation = metadata.rotation;
  if (!rotation.enabled || metadata.state !== '2') return null;
  const from = rotation.lastRotationTime ?? rotation.enabledAt ?? metadata.creationDate;
  return from + rotation.intervalDays * DAY_MS;
}

export class RotationSchedule {
  /** No key is due before this; recomputed by every full check. */
  private earliestDue = -Infinity;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: Keystore,
    private readonly now: () => number,
  ) {}

  /** A rotation setting or key state changed: the next check looks at every key again. */
  invalidate(): void {
    this.earliestDue = -Infinity;
  }

  /** Rotates every key that is due; concurrent callers share one run. */
  async rotateDue(): Promise<void> {
    if (this.now() < this.earliestDue) return;
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    const at = this.now();
    let earliest = Infinity;
    for (const key of this.store.list()) {
      const due = dueAt(key.metadata);
      if (due === null) continue;
      if (due > at) {
        earliest = Math.min(earliest, due);
        continue;
      }
      try {
        const rotated = await this.store.rotate(key.metadata.keyId, (current) => {
          const stillDue = dueAt(current);
          // A request may have rotated or disabled the key while this run waited for its lock.
          if (stillDue === null || stillDue > at) throw new NoLongerDue();
          return { rotation: rotatedAt(current.rotation, at) };
        });
        const next = dueAt(rotated.metadata);
        if (next !== null) earliest = Math.min(earliest, next);
      } catch (error) {
        if (!(error instanceof NoLongerDue)) throw error;
        earliest = -Infinity;
      }
    }
    this.earliestDue = earliest;
  }
}
