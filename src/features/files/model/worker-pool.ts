import type { RunPool, RunReply, RunRequest } from './frame-runs';

/** Two threads keep both cores of a small machine busy; more only add hand-offs. */
const MAX_WORKERS = 2;

/** The page's frame threads: started with the first file, kept for the next ones. */
class WorkerPool implements RunPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, (reply: RunReply) => void>();
  private nextId = 0;

  constructor(count: number) {
    for (let index = 0; index < count; index += 1) {
      const worker = new Worker(new URL('./crypto-worker.ts', import.meta.url), {
        type: 'module',
      });
      worker.onmessage = (event: MessageEvent<{ id: number; reply: RunReply }>) => {
        this.pending.get(event.data.id)?.(event.data.reply);
        this.pending.delete(event.data.id);
      };
      worker.onerror = () => {
        for (const settle of this.pending.values()) {
          settle({ error: { message: 'A worker thread failed.' } });
        }
        this.pending.clear();
      };
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(request: RunRequest): Promise<RunReply> {
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      worker.postMessage({ id, request });
    });
  }
}

let pool: WorkerPool | undefined;

export function workerPool(): RunPool {
  const threads = Math.min(MAX_WORKERS, globalThis.navigator?.hardwareConcurrency ?? 1);
  pool ??= new WorkerPool(Math.max(1, threads));
  return pool;
}
