/**
 * Coalesces concurrent addRecord calls into one multi-row INSERT: while one batch is being
 * written, new records wait and go together in the next. A lone record is written at once
 * (no timer, no added latency); under load, one round trip and one commit serve many.
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

export class RecordBatcher {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly write: WriteBatch) {}

  add(record: NewHistoryRecord): Promise<AddResult> {
    return new Promise<AddResult>((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        await this.writeBatch(this.queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.writing = false;
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
