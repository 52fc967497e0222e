/**
 * Operator latency, in a real Chromium against a console server and local KMS started here
 * (free ports, temp data dir, the bench seed):
 * - press `Encrypt` → the ciphertext visible (`Ciphertext` in region `Result`), over 50
 *   encryptions: median and p95. Timed inside the page with performance.now() around the
 *   click and a MutationObserver, so Playwright's own round trips are not counted; "visible"
 *   is the start of the frame that paints it (requestAnimationFrame), the DOM time is kept too.
 * - navigation → interactive form (`Encrypt` enabled, `Key ID` editable), median over ≥ 10
 *   loads, each in a fresh browser context (empty cache: an operator's first visit), and
 *   again on reload (cached assets).
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
import { fmt, loadAverageFigure, printFigures, type Figure } from './lib/figures';
import { BENCH_KEYS } from './lib/fixtures';
import { median, percentile, writeResults } from './lib/report';
import { DIST_DIR, startConsole, startLocalKms } from './lib/stack';

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
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      encryptions: { type: 'string', default: '50' },
      loads: { type: 'string', default: '10' },
      'static-dir': { type: 'string', default: DIST_DIR },
      'cpu-prof-dir': { type: 'string' },
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
  };
}

interface EncryptTiming {
  inDom: number;
  painted: number;
}

// What lib/page-probes.js puts on the page. Calls into the page are arrow functions without
// inner named functions: tsx would wrap those in a helper the page does not have, and the
// console's CSP (no 'unsafe-eval') rules out passing strings instead.
declare global {
  interface Window {
    __kmsBenchProbes?: {
      interactiveAt: number | undefined;
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
  interactiveColdMs: number[];
  interactiveWarmMs: number[];
  coldPhases: LoadPhases[];
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

async function waitInteractive(page: Page): Promise<number> {
  const at = await (
    await page.waitForFunction(() => window.__kmsBenchProbes?.interactiveAt, undefined, {
      timeout: 30_000,
    })
  ).jsonValue();
  if (typeof at !== 'number') throw new Error('the page probes are missing');
  // The probe found the form by its labels; Playwright must agree it is the form.
  await page.getByRole('button', { name: 'Encrypt', exact: true }).waitFor();
  await page.getByRole('combobox', { name: 'Key ID' }).waitFor();
  return at;
}

async function measureLoads(
  browser: Browser,
  url: string,
  loads: number,
): Promise<{ cold: number[]; warm: number[]; coldPhases: LoadPhases[] }> {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldPhases: LoadPhases[] = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript({ path: PROBES_SCRIPT });
    const page = await context.newPage();
    await page.goto(url);
    cold.push(await waitInteractive(page));
    coldPhases.push(await loadPhases(page));
    await page.reload();
    warm.push(await waitInteractive(page));
    await context.close();
  }
  return { cold, warm, coldPhases };
}

async function encryptOnce(page: Page, plaintext: string): Promise<EncryptTiming> {
  const plaintextField = page.getByRole('textbox', { name: 'Plaintext' });
  await plaintextField.fill(plaintext);
  const timing = await page.evaluate(() => {
    if (!window.__kmsBenchProbes) throw new Error('the page probes are missing');
    return window.__kmsBenchProbes.timedEncrypt();
  });
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
    // The renderer's JS profile over the timed encryptions (Chrome DevTools Protocol).
    const cdp = profileFile ? await context.newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const timings: EncryptTiming[] = [];
    for (let i = 0; i < encryptions; i += 1) {
      timings.push(await encryptOnce(page, `operator secret number ${i}: 0123456789abcdef`));
    }
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(path.dirname(profileFile), { recursive: true });
      await writeFile(profileFile, JSON.stringify(profile));
      console.log(`  page profile written to ${path.relative(process.cwd(), profileFile)}`);
    }
    return timings;
  } finally {
    await context.close();
  }
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
    console.log(`  ${options.loads} page loads (fresh context, then reload)`);
    const loads = await measureLoads(browser, `${consoleServer.url}/`, options.loads);
    console.log(`  ${options.encryptions} encryptions (after ${WARMUP_ENCRYPTIONS} untimed)`);
    const timings = await measureEncryptions(
      browser,
      `${consoleServer.url}/`,
      options.encryptions,
      options.cpuProfDir &&
        path.join(options.cpuProfDir, `page-encrypt-run${runIndex + 1}.cpuprofile`),
    );
    return {
      loadAverage,
      encryptPaintedMs: timings.map((timing) => timing.painted),
      encryptInDomMs: timings.map((timing) => timing.inDom),
      interactiveColdMs: loads.cold,
      interactiveWarmMs: loads.warm,
      coldPhases: loads.coldPhases,
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
      label: 'navigation → interactive form, first visit, median',
      values: each((run) => median(run.interactiveColdMs)),
      format: fmt.ms,
      target: {
        text: `< ${INTERACTIVE_TARGET_MS} ms`,
        met: (value: number) => value < INTERACTIVE_TARGET_MS,
      },
    },
    {
      label: 'navigation → interactive form, first visit, p95',
      values: each((run) => percentile(run.interactiveColdMs, 95)),
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
      label: `first visit: ${label}, median`,
      values: each((run) => median(run.coldPhases.map((phases) => phases[phase]))),
      format: fmt.ms,
    })),
    {
      label: 'navigation → interactive form, reload, median',
      values: each((run) => median(run.interactiveWarmMs)),
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
