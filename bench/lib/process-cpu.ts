/**
 * CPU time a server process (and its direct children: nginx's workers) has used, read from
 * /proc. CPU per request is the figure least disturbed by other work on a shared machine:
 * throughput falls when a neighbour takes a core, the CPU spent on each request barely moves.
 * Linux only; elsewhere the figures are reported as unavailable.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state) of proc(5): ppid is field 4, utime 14, stime 15.
  return {
    ppid: Number(fields[1]),
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

/** CPU seconds of `pid` and its live direct children, or undefined where /proc is missing. */
export function processTreeCpuSeconds(pid: number): number | undefined {
  const own = readStat(pid);
  if (!own) return undefined;
  let ticks = own.cpuTicks;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat?.ppid === pid) ticks += stat.cpuTicks;
  }
  return ticks / clockTicks();
}

/** Measures the CPU the given processes use while `work` runs. */
export async function withCpuMeasure<T>(
  pids: number[],
  work: () => Promise<T>,
): Promise<{ result: T; cpuSeconds: (number | undefined)[] }> {
  const before = pids.map(processTreeCpuSeconds);
  const result = await work();
  const after = pids.map(processTreeCpuSeconds);
  return {
    result,
    cpuSeconds: pids.map((_, i) => {
      const start = before[i];
      const end = after[i];
      return start === undefined || end === undefined ? undefined : end - start;
    }),
  };
}
