/**
 * Prints the top functions by self time of one or more .cpuprofile files.
 *
 *   npx tsx bench/cpuprofile-top.ts FILE.cpuprofile [...] [--top 15]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { summariseProfile, type ProfileSummary } from './lib/cpuprofile';
import { printTable } from './lib/report';

export function printProfileSummary(summary: ProfileSummary): void {
  printTable(
    `${path.basename(summary.file)}: top ${summary.top.length} by self time ` +
      `(busy ${Math.round(summary.busyMs)} ms, idle ${Math.round(summary.idleMs)} ms)`,
    ['#', 'self', 'share', 'function', 'where'],
    summary.top.map((entry, index) => [
      String(index + 1),
      `${entry.selfMs.toFixed(0)} ms`,
      `${entry.percent.toFixed(1)} %`,
      entry.functionName,
      entry.location,
    ]),
  );
  const origins = summary.byOrigin.slice(0, 12);
  printTable(
    'Self time by origin',
    ['origin', 'self', 'share'],
    origins.map((entry) => [
      entry.origin,
      `${entry.selfMs.toFixed(0)} ms`,
      `${entry.percent.toFixed(1)} %`,
    ]),
  );
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '15' } },
  });
  if (positionals.length === 0) {
    console.error('usage: tsx bench/cpuprofile-top.ts FILE.cpuprofile [...] [--top 15]');
    process.exit(2);
  }
  for (const file of positionals) printProfileSummary(summariseProfile(file, Number(values.top)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
