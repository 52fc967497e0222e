/**
 * Page weight of the first load, gzipped at level 9: what a browser fetches before the first
 * view is on screen. That is the entry chunk with its static-import closure (what
 * dist/index.html loads and modulepreloads) PLUS the closure of the first view's dynamic
 * import(s), which App requests the moment it renders: counting only index.html would hide
 * whatever a lazy first page drags in. The closures come from Vite's build manifest
 * (`build.manifest: true` in vite.config.ts). `--check` exits 1 when the JS is over budget:
 * `npm test` runs it after the build.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { printTable, writeResults } from './lib/report';

/** The budget: 150 KB (decimal kilobytes) of gzipped JS for the first load. */
export const FIRST_LOAD_JS_BUDGET_BYTES = 150 * 1000;

/**
 * The lazily loaded modules the first view renders. Any hash other than `#/decrypt` or
 * `#/history` opens the encrypt page (src/app/router.ts), and App imports it with React.lazy
 * (src/features/encrypt/index.ts), so its chunk closure is part of every plain first visit.
 * Keep this list in step with the router's default route.
 */
export const FIRST_VIEW_MODULES = [
  'src/features/encrypt/components/EncryptPage.tsx',
  // main.tsx awaits the first-view part of the visitor's dictionary before the first paint; each
  // language is two chunks, the second fetched after the paint (src/lib/i18n/load-dictionary.ts).
  'src/lib/i18n/dictionaries/en/core.ts',
] as const;

/** The same first view for a visitor whose browser (or stored choice) is Chinese. */
export const CHINESE_FIRST_VIEW_MODULES = [
  'src/features/encrypt/components/EncryptPage.tsx',
  'src/lib/i18n/dictionaries/zh-CN/core.ts',
] as const;

export type LoadPhase = 'entry' | 'first-view' | 'lazy';

export interface AssetWeight {
  file: string;
  kind: 'js' | 'css';
  rawBytes: number;
  gzipBytes: number;
  /** Where the asset is first needed: before the entry runs, for the first view, or later. */
  phase: LoadPhase;
  firstLoad: boolean;
}

/** One chunk of `.vite/manifest.json`, as Vite documents it (fields we use). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

function readManifest(distDir: string): Manifest {
  const file = path.join(distDir, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: build with \`build.manifest: true\` (vite.config.ts) so the first-load closure can be computed.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The chunk keys reachable from `roots` through static imports only. */
function staticClosure(manifest: Manifest, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length > 0) {
    const key = pending.pop()!;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The build manifest has no chunk "${key}".`);
    seen.add(key);
    pending.push(...(chunk.imports ?? []));
  }
  return seen;
}

/** Output files (JS and their CSS) of a set of chunk keys. */
function filesOf(manifest: Manifest, keys: Set<string>): Set<string> {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key]!;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return files;
}

/** Scripts and stylesheets index.html references: a cross-check of the entry closure. */
function referencedAssets(html: string): Set<string> {
  const refs = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"[^>]*>/g)) {
    const ref = match[1]!;
    if (/\.(js|css)$/.test(ref)) refs.add(ref.replace(/^\//, ''));
  }
  return refs;
}

export interface FirstLoadFiles {
  entry: Set<string>;
  firstView: Set<string>;
}

/**
 * Which output files the first load needs, by phase. A first-view module that is not a
 * dynamic import of the entry closure fails loudly, so a rename cannot quietly shrink the
 * measurement.
 */
export function firstLoadFiles(
  distDir: string,
  firstViewModules: readonly string[] = FIRST_VIEW_MODULES,
): FirstLoadFiles {
  const manifest = readManifest(distDir);
  const entryKeys = Object.keys(manifest).filter((key) => manifest[key]!.isEntry);
  if (entryKeys.length === 0) throw new Error('The build manifest has no entry chunk.');
  const entryClosure = staticClosure(manifest, entryKeys);
  const reachable = new Set(
    [...entryClosure].flatMap((key) => manifest[key]!.dynamicImports ?? []),
  );
  for (const module of firstViewModules) {
    if (!reachable.has(module)) {
      throw new Error(
        `First-view module ${module} is not a dynamic import of the entry: update FIRST_VIEW_MODULES.`,
      );
    }
  }
  const entry = filesOf(manifest, entryClosure);
  // Whatever index.html loads is entry weight, even if the manifest had not listed it.
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  for (const ref of referencedAssets(html)) entry.add(ref);
  const firstView = filesOf(manifest, staticClosure(manifest, [...firstViewModules]));
  for (const file of entry) firstView.delete(file);
  return { entry, firstView };
}

export function measurePageWeight(distDir: string): AssetWeight[] {
  const { entry, firstView } = firstLoadFiles(distDir);
  const assetsDir = path.join(distDir, 'assets');
  const order: Record<LoadPhase, number> = { entry: 0, 'first-view': 1, lazy: 2 };
  return readdirSync(assetsDir)
    .filter((file) => /\.(js|css)$/.test(file))
    .map((file): AssetWeight => {
      const content = readFileSync(path.join(assetsDir, file));
      const name = `assets/${file}`;
      const phase: LoadPhase = entry.has(name)
        ? 'entry'
        : firstView.has(name)
          ? 'first-view'
          : 'lazy';
      return {
        file: name,
        kind: file.endsWith('.js') ? 'js' : 'css',
        rawBytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
        phase,
        firstLoad: phase !== 'lazy',
      };
    })
    .sort((a, b) => order[a.phase] - order[b.phase] || b.gzipBytes - a.gzipBytes);
}

function sum(assets: AssetWeight[], predicate: (asset: AssetWeight) => boolean): number {
  return assets.filter(predicate).reduce((total, asset) => total + asset.gzipBytes, 0);
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

function main(): void {
  // `--dist DIR` measures another build (e.g. one made elsewhere so dist/ is left alone).
  const distFlag = process.argv.indexOf('--dist');
  const distDir =
    distFlag > 0 && process.argv[distFlag + 1]
      ? path.resolve(process.argv[distFlag + 1]!)
      : path.resolve(import.meta.dirname, '..', 'dist');
  const assets = measurePageWeight(distDir);
  const entryJs = sum(assets, (a) => a.phase === 'entry' && a.kind === 'js');
  const firstViewJs = sum(assets, (a) => a.phase === 'first-view' && a.kind === 'js');
  const firstLoadJs = entryJs + firstViewJs;
  const firstLoadCss = sum(assets, (a) => a.firstLoad && a.kind === 'css');
  const lazyJs = sum(assets, (a) => a.phase === 'lazy' && a.kind === 'js');
  const chinese = firstLoadFiles(distDir, CHINESE_FIRST_VIEW_MODULES);
  const chineseFirstLoadJs = [...chinese.entry, ...chinese.firstView]
    .filter((file) => file.endsWith('.js'))
    .reduce(
      (total, file) =>
        total + gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length,
      0,
    );
  const met =
    firstLoadJs <= FIRST_LOAD_JS_BUDGET_BYTES && chineseFirstLoadJs <= FIRST_LOAD_JS_BUDGET_BYTES;
  printTable(
    'Page weight (gzip -9, production build)',
    ['asset', 'loaded', 'raw', 'gzip'],
    assets.map((a) => [a.file, a.phase, kib(a.rawBytes), kib(a.gzipBytes)]),
  );
  printTable(
    `Page weight against budget (first view: ${FIRST_VIEW_MODULES.join(', ')})`,
    ['figure', 'value', 'target', 'met'],
    [
      ['entry JS (gzip)', kb(entryJs), '-', '-'],
      ['first-view JS (gzip)', kb(firstViewJs), '-', '-'],
      [
        'first-load JS (gzip)',
        kb(firstLoadJs),
        `≤ ${kb(FIRST_LOAD_JS_BUDGET_BYTES)}`,
        met ? 'yes' : 'NO',
      ],
      [
        'first-load JS, Chinese visitor (gzip)',
        kb(chineseFirstLoadJs),
        `≤ ${kb(FIRST_LOAD_JS_BUDGET_BYTES)}`,
        chineseFirstLoadJs <= FIRST_LOAD_JS_BUDGET_BYTES ? 'yes' : 'NO',
      ],
      ['first-load CSS (gzip)', kb(firstLoadCss), '-', '-'],
      ['lazy JS (gzip)', kb(lazyJs), '-', '-'],
    ],
  );
  writeResults('page-weight', {
    firstLoadJs,
    chineseFirstLoadJs,
    entryJs,
    firstViewJs,
    firstLoadCss,
    lazyJs,
    budget: FIRST_LOAD_JS_BUDGET_BYTES,
    met,
    firstViewModules: FIRST_VIEW_MODULES,
    assets,
  });
  if (process.argv.includes('--check') && !met) {
    console.error(
      `First-load JS is ${kb(firstLoadJs)} (English) and ${kb(chineseFirstLoadJs)} (Chinese); the budget is ${kb(FIRST_LOAD_JS_BUDGET_BYTES)}.`,
    );
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
