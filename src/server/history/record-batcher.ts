/**
 * Coalesces concurrent addRecord calls into multi-row INSERTs: while batches are being
 * written, new records wait and go together in the next. A lone record is written at once
 * (no timer, no added latency); under load, one round trip and one commit serve many, and a
 * few batches are written at a time, so one commit's flush to disk does not hold up the next.
 */
import type { HistoryItem } from '../../shared/console/history';
import { isStoreUnavailable } from './errors';
import type { NewHistoryRecord } from './repository';

export interface AddResult {
  item: HistoryItem;
  created: boolean;
}

interface Pending {
  record: NewHistoryRecord;
  resolve(result: AddResult): void;
  reject(error: unknown): void;
}

/** Writes records, returning per record its stored item and whether this write created it. */
export type WriteBatch = (records: NewHistoryRecord[]) => Promise<AddResult[]>;

const MAX_BATCH = 256;
/** Batches written at once: PostgreSQL commits them in parallel (PGlite in turn). */
const MAX_IN_FLIGHT = 4;

export class RecordBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly write: WriteBatch) {}

  add(record: NewHistoryRecord): Promise<AddResult> {
    return new Promise<AddResult>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length > 0 && this.inFlight < MAX_IN_FLIGHT) {
      // Split what waits between the free writers, so that each commit carries a share.
      const share = Math.ceil(this.queue.length / (MAX_IN_FLIGHT - this.inFlight));
      const batch = this.queue.splice(0, Math.min(MAX_BATCH, share));
      this.inFlight += 1;
      void this.writeBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.drain();
      });
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    try {
      const results = await this.write(batch.map((pending) => pending.record));
      batch.forEach((pending, index) => pending.resolve(results[index]!));
      return;
    } catch (error) {
      if (batch.length === 1 || isStoreUnavailable(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
    }
    // One bad record must not fail its neighbours: write them one by one to find it.
    for (const pending of batch) {
      try {
        const [result] = await this.write([pending.record]);
        pending.resolve(result!);
      } catch (error) {
        pending.reject(error);
      }
    }
  }
}
