/**
 * Every benchmark in sequence (`npm run bench:all -- [--runs 3]`): builds the app, then runs
 * page weight, local KMS throughput, console overhead, operator latency and envelope
 * throughput (files in the browser and on the command line), each in its own
 * process, and ends with one table of every target. `--runs` is passed to each benchmark
 * that repeats (page weight is deterministic). `--static-dir DIR` measures a build made
 * elsewhere instead of building into dist/ (which a running e2e suite may be serving).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FigureSummary } from './lib/figures';
import { printTable } from './lib/report';
import { REPO_ROOT } from './lib/stack';

const REPEATED = ['kms-throughput', 'console-overhead', 'operator-latency', 'envelope'] as const;

function run(command: string, args: string[]): void {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

function readSummary(name: string): FigureSummary[] {
  const file = path.join(REPO_ROOT, 'bench', 'results', `${name}.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { results: { summary?: FigureSummary[] } };
  return data.results.summary ?? [];
}

function main(): void {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '1' }, 'static-dir': { type: 'string' } },
  });
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const staticDir = values['static-dir'];
  if (staticDir === undefined) run('npm', ['run', 'build']);
  run(tsx, ['bench/page-weight.ts', ...(staticDir ? ['--dist', staticDir] : [])]);
  for (const name of REPEATED) {
    const extra = name === 'operator-latency' && staticDir ? ['--static-dir', staticDir] : [];
    run(tsx, [`bench/${name}.ts`, '--runs', values.runs, ...extra]);
  }

  const pageWeight = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'bench', 'results', 'page-weight.json'), 'utf8'),
  ) as { results: { firstLoadJs: number; budget: number; met: boolean } };
  // The budget is in decimal kilobytes, as page-weight reports it.
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  const rows: string[][] = [
    [
      'page-weight',
      'first-load JS (gzip)',
      kb(pageWeight.results.firstLoadJs),
      `≤ ${kb(pageWeight.results.budget)}`,
      pageWeight.results.met ? 'yes' : 'NO',
    ],
  ];
  for (const name of REPEATED) {
    for (const figure of readSummary(name)) {
      if (figure.target === null) continue;
      rows.push([
        name,
        figure.label,
        figure.medianText ?? (Number.isFinite(figure.median) ? figure.median.toFixed(2) : 'n/a'),
        figure.target,
        figure.met === null ? '-' : figure.met ? 'yes' : 'NO',
      ]);
    }
  }
  printTable(
    `Every target (median of ${values.runs} run(s))`,
    ['benchmark', 'figure', 'median', 'target', 'met'],
    rows,
  );
}

main();
