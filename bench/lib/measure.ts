/**
 * One measured load: an untimed warm-up, then the timed autocannon run, with the CPU the
 * servers spent on it. A load that got errors or non-2xx answers measured the wrong thing,
 * so it stops the benchmark instead of reporting a number.
 */
import { runLoad, type LoadOptions, type LoadResult } from './load';
import { withCpuMeasure } from './process-cpu';

export interface MeasuredLoad extends LoadResult {
  /** 2xx answers per second over the timed run. */
  okPerSecond: number;
  /** CPU microseconds the server processes spent per 2xx answer (NaN without /proc). */
  serverCpuUsPerRequest: number;
  /** The same, per server process, in the order of `serverPids`. */
  cpuUsPerRequestByServer: number[];
  /**
   * Share of one core the server processes used during the run (100 % = one core busy). A
   * single-threaded server near 100 % is the bottleneck; well below, something else is
   * (the load generator, or other work on the machine).
   */
  serverCpuBusyPercent: number;
  /** The same, per server process. */
  cpuBusyPercentByServer: number[];
}

export interface MeasureOptions extends LoadOptions {
  label: string;
  warmupSeconds: number;
  /** Processes whose CPU time is charged to the requests (the servers on the path). */
  serverPids: number[];
}

export async function measureLoad(options: MeasureOptions): Promise<MeasuredLoad> {
  const { label, warmupSeconds, serverPids, ...load } = options;
  console.log(
    `  ${label}: ${load.durationSeconds ?? 10} s at ${load.connections ?? 50} connections` +
      (warmupSeconds > 0 ? ` (after ${warmupSeconds} s of warm-up)` : ''),
  );
  if (warmupSeconds > 0) await runLoad({ ...load, durationSeconds: warmupSeconds });
  const { result, cpuSeconds } = await withCpuMeasure(serverPids, () => runLoad(load));
  if (result.errors > 0 || result.non2xx > 0 || result.ok === 0) {
    throw new Error(
      `${label}: ${result.ok} answers were 2xx, ${result.non2xx} were not, ` +
        `${result.errors} failed: the load is not measuring what it should`,
    );
  }
  const spent = cpuSeconds.reduce<number | undefined>(
    (sum, value) => (sum === undefined || value === undefined ? undefined : sum + value),
    0,
  );
  const perRequest = (seconds: number | undefined) =>
    seconds === undefined ? Number.NaN : (seconds * 1e6) / result.ok;
  return {
    ...result,
    okPerSecond: result.ok / result.durationSeconds,
    serverCpuUsPerRequest: perRequest(spent),
    cpuUsPerRequestByServer: cpuSeconds.map(perRequest),
    serverCpuBusyPercent: spent === undefined ? Number.NaN : (100 * spent) / result.durationSeconds,
    cpuBusyPercentByServer: cpuSeconds.map((seconds) =>
      seconds === undefined ? Number.NaN : (100 * seconds) / result.durationSeconds,
    ),
  };
}
