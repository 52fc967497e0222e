/**
 * Operator latency, in a real Chromium against a console server and local KMS started here
 * (free ports, temp data dir, the bench seed):
 * - press `Encrypt` → the ciphertext visible (`Ciphertext` in region `Result`), over 50
 *   encryptions: median and p95. Timed inside the page with performance.now() around the
 *   click and a MutationObserver, so Playwright's own round trips are not counted; "visible"
 *   is once the frame that paints it has been rendered (a task queued from that frame's
 *   requestAnimationFrame), the DOM time is kept too.
 * - navigation → interactive form (`Encrypt` enabled, `Key ID` editable, and the frame that
 *   paints them rendered), median over ≥ 10
 *   loads with an empty cache (the tab's renderer already running, DevTools' "Disable
 *   cache": an operator's first visit, as lab tools such as Lighthouse measure it); also in a
 *   brand-new browser context (Chromium starts a renderer process too) and with the cache on.
 * Targets: encrypt p95 < 50 ms; interactive < 500 ms.
 *
 *   npm run build && npm run bench:operator-latency -- [--runs 3] [--encryptions 50]
 *                                                      [--loads 10] [--static-dir dist]
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';
import type { ServerChild } from './lib/children';
import { mergeProfiles, type CpuProfile } from './lib/cpuprofile';
import { fmt, loadAverageFigure, printFigures, type Figure } from './lib/figures';
import { BENCH_KEYS } from './lib/fixtures';
import { median, percentile, printTable, writeResults } from './lib/report';
import { DIST_DIR, startConsole, startLocalKms } from './lib/stack';
import { summariseTraceWindows } from './lib/trace-summary';

export const ENCRYPT_P95_TARGET_MS = 50;
export const INTERACTIVE_TARGET_MS = 500;
// The page's JIT needs a few rounds before its timings settle.
const WARMUP_ENCRYPTIONS = 10;
const PROBES_SCRIPT = path.resolve(import.meta.dirname, 'lib', 'page-probes.js');

interface Options {
  runs: number;
  encryptions: number;
  loads: number;
  staticDir: string;
  /** Write the page's JS CPU profile during the timed encryptions here. */
  cpuProfDir: string | undefined;
  /** Record a Chrome trace of the timed encryptions here (and rank its events). */
  traceDir: string | undefined;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      encryptions: { type: 'string', default: '50' },
      loads: { type: 'string', default: '10' },
      'static-dir': { type: 'string', default: DIST_DIR },
      'cpu-prof-dir': { type: 'string' },
      'trace-dir': { type: 'string' },
    },
  });
  const count = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be ≥ ${min}`);
    return value;
  };
  return {
    runs: count('runs', values.runs, 1),
    encryptions: count('encryptions', values.encryptions, 1),
    loads: count('loads', values.loads, 1),
    staticDir: path.resolve(values['static-dir']),
    cpuProfDir: values['cpu-prof-dir'] && path.resolve(values['cpu-prof-dir']),
    traceDir: values['trace-dir'] && path.resolve(values['trace-dir']),
  };
}

interface EncryptTiming {
  inDom: number;
  painted: number;
  /** Click → the encrypt-data request started (validation, mutation set-up). */
  requestStart: number;
  /** Click → its answer fully received. */
  responseEnd: number;
}

// What lib/page-probes.js puts on the page. Calls into the page are arrow functions without
// inner named functions: tsx would wrap those in a helper the page does not have, and the
// console's CSP (no 'unsafe-eval') rules out passing strings instead.
declare global {
  interface Window {
    __kmsBenchProbes?: {
      interactiveAt: number | undefined;
      interactivePaintedAt: number | undefined;
      timedEncrypt(): Promise<EncryptTiming>;
    };
  }
}

/** Where a first visit's time goes, from the page's own Navigation and Paint Timing. */
interface LoadPhases {
  /** index.html fully received. */
  htmlMs: number;
  /** The last script or stylesheet fetched (lazy chunks of the first view included). */
  assetsMs: number;
  domContentLoadedMs: number;
  firstContentfulPaintMs: number;
}

interface LatencyRun {
  loadAverage: number;
  encryptPaintedMs: number[];
  encryptInDomMs: number[];
  encryptRequestStartMs: number[];
  encryptResponseEndMs: number[];
  interactiveFreshContextMs: number[];
  interactiveEmptyCacheMs: number[];
  interactiveCachedMs: number[];
  emptyCachePhases: LoadPhases[];
  /** fetch('/healthz') round trips from the page. */
  healthzMs: number[];
}

async function loadPhases(page: Page): Promise<LoadPhases> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const assets = performance
      .getEntriesByType('resource')
      .filter((entry) => /\.(js|css)(\?|$)/.test(entry.name))
      .map((entry) => (entry as PerformanceResourceTiming).responseEnd);
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      htmlMs: navigation?.responseEnd ?? Number.NaN,
      assetsMs: assets.length > 0 ? Math.max(...assets) : Number.NaN,
      domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
      firstContentfulPaintMs: paint?.startTime ?? Number.NaN,
    };
  });
}

/**
 * Navigation start → the form usable and on screen: the later of the frame that paints the
 * usable form being rendered and the first contentful paint (headless Chromium presents a
 * page's first frame tens of milliseconds after rendering it).
 */
async function waitInteractive(page: Page): Promise<number> {
  const at = await (
    await page.waitForFunction(
      () => {
        const painted = window.__kmsBenchProbes?.interactivePaintedAt;
        const firstPaint = performance.getEntriesByName('first-contentful-paint')[0];
        return painted !== undefined && firstPaint !== undefined
          ? Math.max(painted, firstPaint.startTime)
          : undefined;
      },
      undefined,
      { timeout: 30_000 },
    )
  ).jsonValue();
  if (typeof at !== 'number') throw new Error('the page probes are missing');
  // The probe found the form by its labels; Playwright must agree it is the form.
  await page.getByRole('button', { name: 'Encrypt', exact: true }).waitFor();
  await page.getByRole('combobox', { name: 'Key ID' }).waitFor();
  return at;
}

interface LoadSamples {
  /** A new browser context: empty cache, and Chromium starts a renderer process for it. */
  freshContext: number[];
  /** The same tab again with the cache disabled: an empty cache, the renderer running. */
  emptyCache: number[];
  emptyCachePhases: LoadPhases[];
  /** Again with the cache on: a returning operator. */
  cached: number[];
}

async function measureLoads(
  browser: Browser,
  url: string,
  loads: number,
  traceFile: string | undefined,
): Promise<LoadSamples> {
  const samples: LoadSamples = {
    freshContext: [],
    emptyCache: [],
    emptyCachePhases: [],
    cached: [],
  };
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript({ path: PROBES_SCRIPT });
    const page = await context.newPage();
    await page.goto(url);
    samples.freshContext.push(await waitInteractive(page));

    // DevTools' "Disable cache": every script and stylesheet comes over the network again and
    // V8 has no code cache, as on a first visit, without the renderer's start-up.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // The first such load is traced when asked: where the time to interactive goes.
    const tracing = traceFile !== undefined && i === 0;
    if (tracing) {
      await mkdir(path.dirname(traceFile), { recursive: true });
      await browser.startTracing(page, {
        path: traceFile,
        categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading'],
      });
    }
    await page.goto(url);
    samples.emptyCache.push(await waitInteractive(page));
    if (tracing) {
      await browser.stopTracing();
      printTraceSummary(
        traceFile,
        'navigationStart',
        'kms-bench:interactive',
        'Renderer main thread, empty-cache load, navigation → interactive',
      );
    }
    samples.emptyCachePhases.push(await loadPhases(page));

    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await page.goto(url);
    samples.cached.push(await waitInteractive(page));
    await context.close();
  }
  return samples;
}

interface AroundClick {
  before: () => Promise<void>;
  after: () => Promise<void>;
}

async function encryptOnce(
  page: Page,
  plaintext: string,
  around?: AroundClick,
): Promise<EncryptTiming> {
  const plaintextField = page.getByRole('textbox', { name: 'Plaintext' });
  await plaintextField.fill(plaintext);
  await around?.before();
  const timing = await page.evaluate(() => {
    if (!window.__kmsBenchProbes) throw new Error('the page probes are missing');
    return window.__kmsBenchProbes.timedEncrypt();
  });
  await around?.after();
  const result = page.getByRole('region', { name: 'Result' });
  const cipherText = result.getByRole('textbox', { name: 'Ciphertext' });
  if ((await cipherText.inputValue()) === '') throw new Error('the ciphertext shown is empty');
  await result.getByRole('button', { name: 'Encrypt another' }).click();
  await plaintextField.waitFor();
  return timing;
}

async function measureEncryptions(
  browser: Browser,
  url: string,
  encryptions: number,
  profileFile: string | undefined,
  traceFile: string | undefined,
  healthzMs: number[],
): Promise<EncryptTiming[]> {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.addInitScript({ path: PROBES_SCRIPT });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await waitInteractive(page);
    const keyId = page.getByRole('combobox', { name: 'Key ID' });
    await keyId.fill(BENCH_KEYS.aes256);
    await keyId.press('Escape');
    // The key's details (describe-key) arrive once; timing starts after the page is quiet.
    await page.waitForLoadState('networkidle');
    for (let i = 0; i < WARMUP_ENCRYPTIONS; i += 1) await encryptOnce(page, `warm-up ${i}`);
    // The renderer's JS profile of each timed click → ciphertext, merged (Chrome DevTools
    // Protocol): what the page itself does in the window the figure measures.
    const cdp = profileFile ? await context.newCDPSession(page) : undefined;
    const profiles: CpuProfile[] = [];
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    }
    if (traceFile) {
      await mkdir(path.dirname(traceFile), { recursive: true });
      await browser.startTracing(page, {
        path: traceFile,
        categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'],
      });
    }
    const timings: EncryptTiming[] = [];
    for (let i = 0; i < encryptions; i += 1) {
      const plaintext = `operator secret number ${i}: 0123456789abcdef`;
      timings.push(
        await encryptOnce(page, plaintext, {
          before: async () => void (await cdp?.send('Profiler.start')),
          after: async () => {
            if (cdp) profiles.push((await cdp.send('Profiler.stop')).profile as CpuProfile);
          },
        }),
      );
    }
    // The floor under any request from this page on this machine: a GET of /healthz, which
    // the console answers without calling KMS (Chromium's network stack plus the console).
    healthzMs.push(
      ...(await page.evaluate(async () => {
        const samples: number[] = [];
        for (let i = 0; i < 30; i += 1) {
          const start = performance.now();
          await (await fetch('/healthz', { cache: 'no-store' })).text();
          samples.push(performance.now() - start);
        }
        return samples;
      })),
    );
    if (traceFile) {
      await browser.stopTracing();
      printTraceSummary(
        traceFile,
        'kms-bench:click',
        'kms-bench:painted',
        'Renderer main thread, Encrypt → ciphertext painted',
      );
    }
    if (profileFile && profiles.length > 0) {
      await mkdir(path.dirname(profileFile), { recursive: true });
      await writeFile(profileFile, JSON.stringify(mergeProfiles(profiles)));
      console.log(`  page profile written to ${path.relative(process.cwd(), profileFile)}`);
    }
    return timings;
  } finally {
    await context.close();
  }
}

function printTraceSummary(
  traceFile: string,
  startMark: string,
  endMark: string,
  title: string,
): void {
  const summary = summariseTraceWindows(traceFile, startMark, endMark);
  printTable(
    `${title}: ${summary.windows} window(s) of ${summary.windowMs.toFixed(1)} ms on average, ` +
      `${summary.idleMs.toFixed(1)} ms of it idle (waiting for the network or the next frame); ` +
      `trace in ${path.relative(process.cwd(), traceFile)}`,
    ['trace event', 'self time per window', 'share of window'],
    summary.top.map((entry) => [
      entry.name,
      `${entry.selfMs.toFixed(2)} ms`,
      `${entry.share.toFixed(1)} %`,
    ]),
  );
}

async function runOnce(options: Options, runIndex: number): Promise<LatencyRun> {
  const loadAverage = os.loadavg()[0]!;
  const started: ServerChild[] = [];
  let browser: Browser | undefined;
  try {
    const kms = await startLocalKms();
    started.push(kms);
    // The console as an operator runs it: default upstream auth (AK/SK), default limits.
    const consoleServer = await startConsole(kms, {
      upstreamAuth: 'aksk',
      env: { CONSOLE_STATIC_DIR: options.staticDir },
    });
    started.push(consoleServer);
    browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true });
    console.log(`Run ${runIndex + 1} of ${options.runs}`);
    console.log(
      `  ${options.loads} × 3 page loads (new context; same tab, cache disabled; cache on)`,
    );
    const loads = await measureLoads(
      browser,
      `${consoleServer.url}/`,
      options.loads,
      options.traceDir && path.join(options.traceDir, `page-load-run${runIndex + 1}.trace.json`),
    );
    console.log(`  ${options.encryptions} encryptions (after ${WARMUP_ENCRYPTIONS} untimed)`);
    const healthzMs: number[] = [];
    const timings = await measureEncryptions(
      browser,
      `${consoleServer.url}/`,
      options.encryptions,
      options.cpuProfDir &&
        path.join(options.cpuProfDir, `page-encrypt-run${runIndex + 1}.cpuprofile`),
      options.traceDir && path.join(options.traceDir, `page-encrypt-run${runIndex + 1}.trace.json`),
      healthzMs,
    );
    return {
      loadAverage,
      encryptPaintedMs: timings.map((timing) => timing.painted),
      encryptInDomMs: timings.map((timing) => timing.inDom),
      encryptRequestStartMs: timings.map((timing) => timing.requestStart),
      encryptResponseEndMs: timings.map((timing) => timing.responseEnd),
      interactiveFreshContextMs: loads.freshContext,
      interactiveEmptyCacheMs: loads.emptyCache,
      interactiveCachedMs: loads.cached,
      emptyCachePhases: loads.emptyCachePhases,
      healthzMs,
    };
  } finally {
    await browser?.close();
    for (const child of started.reverse()) await child.stop();
  }
}

export function latencyFigures(runs: LatencyRun[]): Figure[] {
  const each = (pick: (run: LatencyRun) => number) => runs.map(pick);
  return [
    {
      label: 'Encrypt → ciphertext painted, median',
      values: each((run) => median(run.encryptPaintedMs)),
      format: fmt.ms,
    },
    {
      label: 'Encrypt → ciphertext painted, p95',
      values: each((run) => percentile(run.encryptPaintedMs, 95)),
      format: fmt.ms,
      target: {
        text: `< ${ENCRYPT_P95_TARGET_MS} ms`,
        met: (value: number) => value < ENCRYPT_P95_TARGET_MS,
      },
    },
    {
      label: 'Encrypt → ciphertext in DOM, median',
      values: each((run) => median(run.encryptInDomMs)),
      format: fmt.ms,
    },
    {
      label: 'Encrypt → ciphertext in DOM, p95',
      values: each((run) => percentile(run.encryptInDomMs, 95)),
      format: fmt.ms,
    },
    {
      label: 'of which: click → request sent, median',
      values: each((run) => median(run.encryptRequestStartMs)),
      format: fmt.ms,
    },
    {
      label: 'of which: request sent → answer received, median',
      values: each((run) =>
        median(
          run.encryptResponseEndMs.map(
            (end, i) => end - (run.encryptRequestStartMs[i] ?? Number.NaN),
          ),
        ),
      ),
      format: fmt.ms,
    },
    {
      label: 'of which: answer received → ciphertext in DOM, median',
      values: each((run) =>
        median(
          run.encryptInDomMs.map((inDom, i) => inDom - (run.encryptResponseEndMs[i] ?? Number.NaN)),
        ),
      ),
      format: fmt.ms,
    },
    {
      label: 'reference: page fetch of /healthz (no KMS), median',
      values: each((run) => median(run.healthzMs)),
      format: fmt.ms,
    },
    {
      label: 'navigation → interactive form, empty cache, median',
      values: each((run) => median(run.interactiveEmptyCacheMs)),
      format: fmt.ms,
      target: {
        text: `< ${INTERACTIVE_TARGET_MS} ms`,
        met: (value: number) => value < INTERACTIVE_TARGET_MS,
      },
    },
    {
      label: 'navigation → interactive form, empty cache, p95',
      values: each((run) => percentile(run.interactiveEmptyCacheMs, 95)),
      format: fmt.ms,
    },
    ...(
      [
        ['htmlMs', 'index.html received'],
        ['assetsMs', 'last script or stylesheet received'],
        ['domContentLoadedMs', 'DOMContentLoaded'],
        ['firstContentfulPaintMs', 'first contentful paint'],
      ] as const
    ).map(([phase, label]) => ({
      label: `empty cache: ${label}, median`,
      values: each((run) => median(run.emptyCachePhases.map((phases) => phases[phase]))),
      format: fmt.ms,
    })),
    {
      label: 'navigation → interactive form, new browser context, median',
      values: each((run) => median(run.interactiveFreshContextMs)),
      format: fmt.ms,
    },
    {
      label: 'navigation → interactive form, cached, median',
      values: each((run) => median(run.interactiveCachedMs)),
      format: fmt.ms,
    },
    loadAverageFigure(each((run) => run.loadAverage)),
  ];
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!existsSync(path.join(options.staticDir, 'index.html'))) {
    console.error(`No built app in ${options.staticDir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  console.log(
    `Operator latency: ${options.runs} run(s), ${options.encryptions} encryptions and ` +
      `${options.loads} page loads per run, Chromium at ${CHROMIUM_LAUNCH_OPTIONS.executablePath}`,
  );
  const runs: LatencyRun[] = [];
  for (let i = 0; i < options.runs; i += 1) runs.push(await runOnce(options, i));
  const summary = printFigures('Operator latency (headless Chromium)', latencyFigures(runs));
  writeResults('operator-latency', { options, runs, summary });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
