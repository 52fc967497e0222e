/**
 * Page weight of the first load: the JS and CSS that dist/index.html pulls in before the
 * first view renders (entry script, its modulepreloads, stylesheets), gzipped at level 9.
 * `--check` exits 1 when the JS is over budget: `npm test` runs it after the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, writeResults } from './lib/report';

export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1024;

export interface AssetWeight {
  file: string;
  kind: 'js' | 'css';
  rawBytes: number;
  gzipBytes: number;
  firstLoad: boolean;
}

function referencedAssets(html: string): Set<string> {
  const refs = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"[^>]*>/g)) {
    const ref = match[1]!;
    if (/\.(js|css)$/.test(ref)) refs.add(ref.replace(/^\//, ''));
  }
  return refs;
}

export function measurePageWeight(distDir: string): AssetWeight[] {
  const firstLoad = referencedAssets(readFileSync(path.join(distDir, 'index.html'), 'utf8'));
  const assetsDir = path.join(distDir, 'assets');
  return readdirSync(assetsDir)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file) => {
      const content = readFileSync(path.join(assetsDir, file));
      return {
        file: `assets/${file}`,
        kind: file.endsWith('.js') ? ('js' as const) : ('css' as const),
        rawBytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
        firstLoad: firstLoad.has(`assets/${file}`),
      };
    })
    .sort((a, b) => Number(b.firstLoad) - Number(a.firstLoad) || b.gzipBytes - a.gzipBytes);
}

function sum(assets: AssetWeight[], predicate: (asset: AssetWeight) => boolean): number {
  return assets.filter(predicate).reduce((total, asset) => total + asset.gzipBytes, 0);
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

function main(): void {
  // `--dist DIR` measures another build (e.g. one made elsewhere so dist/ is left alone).
  const distFlag = process.argv.indexOf('--dist');
  const distDir =
    distFlag > 0 && process.argv[distFlag + 1]
      ? path.resolve(process.argv[distFlag + 1]!)
      : path.resolve(import.meta.dirname, '..', 'dist');
  const assets = measurePageWeight(distDir);
  const firstLoadJs = sum(assets, (a) => a.firstLoad && a.kind === 'js');
  const firstLoadCss = sum(assets, (a) => a.firstLoad && a.kind === 'css');
  const lazyJs = sum(assets, (a) => !a.firstLoad && a.kind === 'js');
  const met = firstLoadJs <= FIRST_LOAD_JS_BUDGET_BYTES;
  printTable(
    'Page weight (gzip -9, production build)',
    ['asset', 'first load', 'raw', 'gzip'],
    assets.map((a) => [a.file, a.firstLoad ? 'yes' : 'lazy', kib(a.rawBytes), kib(a.gzipBytes)]),
  );
  printTable(
    'Page weight against budget',
    ['figure', 'value', 'target', 'met'],
    [
      [
        'first-load JS (gzip)',
        kib(firstLoadJs),
        `≤ ${kib(FIRST_LOAD_JS_BUDGET_BYTES)}`,
        met ? 'yes' : 'NO',
      ],
      ['first-load CSS (gzip)', kib(firstLoadCss), '-', '-'],
      ['lazy JS (gzip)', kib(lazyJs), '-', '-'],
    ],
  );
  writeResults('page-weight', {
    firstLoadJs,
    firstLoadCss,
    lazyJs,
    budget: FIRST_LOAD_JS_BUDGET_BYTES,
    met,
    assets,
  });
  if (process.argv.includes('--check') && !met) {
    console.error(
      `First-load JS is ${kib(firstLoadJs)}, over the ${kib(FIRST_LOAD_JS_BUDGET_BYTES)} budget.`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
