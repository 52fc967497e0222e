const MiB = 1024 * 1024;

/** What the progress bar shows: how far, and how fast so far. */
export interface Progress {
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** 0..100; an empty file is 100 as soon as it is done. */
  readonly percent: number;
  /** Average since the start, in MiB/s; undefined until a measurable time has passed. */
  readonly mibPerSecond: number | undefined;
}

export function progressOf(bytesDone: number, bytesTotal: number, elapsedMs: number): Progress {
  const percent =
    bytesTotal === 0 ? 100 : Math.min(100, Math.floor((bytesDone / bytesTotal) * 100));
  return {
    bytesDone,
    bytesTotal,
    percent,
    mibPerSecond: elapsedMs >= 1 ? bytesDone / MiB / (elapsedMs / 1000) : undefined,
  };
}

/**
 * Passes bytes through unchanged and reports how many went by. Reports are throttled to one
 * per `intervalMs` (plus the last one), so a fast stream does not re-render React per chunk.
 */
export function countingStream(
  onCount: (bytes: number) => void,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): TransformStream<Uint8Array, Uint8Array> {
  let count = 0;
  let lastReport = -Infinity;
  return new TransformStream({
    transform(chunk, controller) {
      count += chunk.byteLength;
      const time = now();
      if (time - lastReport >= intervalMs) {
        lastReport = time;
        onCount(count);
      }
      controller.enqueue(chunk);
    },
    flush() {
      onCount(count);
    },
  });
}
