/**
 * Command-line options shared by the benchmarks: `--runs N` repeats the whole measurement
 * (the report gives every run and their median); the rest shorten or lengthen a run.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  runs: number;
  /** Seconds of each autocannon load. */
  duration: number;
  connections: number;
  /** Seconds of untimed load before each measured one, so the JIT has settled. */
  warmup: number;
  /** Write .cpuprofile files of the servers into this directory. */
  cpuProfDir: string | undefined;
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`--${name} must be a whole number (got "${text}")`);
  }
  return value;
}

export function parseBenchArgs(
  argv: string[] = process.argv.slice(2),
  defaults: Partial<BenchOptions> = {},
): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      'cpu-prof-dir': { type: 'string' },
    },
    strict: true,
  });
  const runs = positiveInteger('runs', values.runs, defaults.runs ?? 1);
  if (runs < 1) throw new Error('--runs must be at least 1');
  return {
    runs,
    duration: positiveInteger('duration', values.duration, defaults.duration ?? 10),
    connections: positiveInteger('connections', values.connections, defaults.connections ?? 50),
    warmup: positiveInteger('warmup', values.warmup, defaults.warmup ?? 2),
    cpuProfDir: values['cpu-prof-dir'] ?? defaults.cpuProfDir,
  };
}
