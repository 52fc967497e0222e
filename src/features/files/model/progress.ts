import type { ByteReader } from '../../../shared/envelope/byte-reader';

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
 * Reads through unchanged and reports how many bytes were read. Reports are throttled to one
 * per `intervalMs` (plus the one at the end of the input), so a fast read does not re-render
 * React per chunk.
 */
export function countingReader(
  reader: ByteReader,
  onCount: (bytes: number) => void,
  intervalMs = 100,
  now: () => number = () => performance.now(),
): ByteReader {
  let count = 0;
  let lastReport = -Infinity;
  return {
    ...(reader.preferredReadSize !== undefined && { preferredReadSize: reader.preferredReadSize }),
    async read(size) {
      const bytes = await reader.read(size);
      count += bytes.length;
      const time = now();
      if (bytes.length < size || time - lastReport >= intervalMs) {
        lastReport = time;
        onCount(count);
      }
      return bytes;
    },
  };
}
