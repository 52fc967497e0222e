/**
 * Envelope throughput (issue 11), `npm run bench:envelope -- [--runs N] [--browser-mib 256]
 * [--cli-mib 1024]`. Needs a build (npm run build).
 *
 * Browser: a random file encrypted, then decrypted, in headless Chromium through the file mode
 * of the console (Blob path, as headless has no one to answer a save dialog). Timed from the
 * button press to the output ready to download, by the page's own performance marks; the JS
 * heap of the page and of its workers is polled over CDP (Runtime.getHeapUsage) and its peak
 * growth reported.
 * Command line: `npm run envelope -- encrypt|decrypt` on a random file, timed from process
 * start to exit (so tsx's start-up counts too), its peak resident memory by /usr/bin/time.
 */
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from '../playwright.config';
import { printFigures, type Figure } from './lib/figures';
import { BENCH_KEYS, makeTempDir } from './lib/fixtures';
import { writeResults } from './lib/report';
import { REPO_ROOT, startConsole, startLocalKms } from './lib/stack';

const MiB = 1024 * 1024;
const JOB_MARKS = { start: 'kms-file-job-start', end: 'kms-file-job-end' };

async function writeRandomFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(file);
  const chunk = new Uint8Array(16 * MiB);
  for (let written = 0; written < bytes; written += chunk.length) {
    const part = chunk.subarray(0, Math.min(chunk.length, bytes - written));
    randomFillSync(part);
    hash.update(part);
    if (!out.write(part)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error) => (error ? reject(error) : resolve())),
  );
  return hash.digest('hex');
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

interface BrowserJob {
  seconds: number;
  heapGrowthMiB: number;
}

/**
 * The page's JS heap plus its workers' (the file jobs seal and open frames in workers): the
 * page over its own CDP session, each worker over the browser's, attached once.
 */
class HeapProbe {
  private readonly sessions = new Map<string, string>();
  private readonly waiting = new Map<number, (usedSize: number) => void>();
  private nextId = 1;

  constructor(
    private readonly page: CDPSession,
    private readonly browser: CDPSession,
  ) {
    browser.on('Target.receivedMessageFromTarget', ({ message }) => {
      const reply = JSON.parse(message) as { id: number; result?: { usedSize?: number } };
      this.waiting.get(reply.id)?.(reply.result?.usedSize ?? 0);
      this.waiting.delete(reply.id);
    });
  }

  async usedSize(): Promise<number> {
    let total = (await this.page.send('Runtime.getHeapUsage')).usedSize;
    const { targetInfos } = await this.browser.send('Target.getTargets');
    for (const target of targetInfos.filter((info) => info.type === 'worker')) {
      let sessionId = this.sessions.get(target.targetId);
      if (!sessionId) {
        ({ sessionId } = await this.browser.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        }));
        this.sessions.set(target.targetId, sessionId);
      }
      const id = this.nextId++;
      const usage = new Promise<number>((resolve) => this.waiting.set(id, resolve));
      const message = JSON.stringify({ id, method: 'Runtime.getHeapUsage' });
      await this.browser.send('Target.sendMessageToTarget', { sessionId, message });
      total += await usage;
    }
    return total;
  }
}

/** Presses the button, samples the heap until the download button shows, reads the marks. */
async function timedJob(
  page: Page,
  cdp: CDPSession,
  heap: HeapProbe,
  button: string,
  downloadButton: string,
): Promise<BrowserJob> {
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heap.usedSize();
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap.usedSize());
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await page.evaluate(() => performance.clearMarks());
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: downloadButton }).waitFor({ timeout: 600_000 });
  sampling = false;
  await sampler;
  const ms = await page.evaluate(
    ({ start, end }) =>
      performance.getEntriesByName(end)[0]!.startTime -
      performance.getEntriesByName(start)[0]!.startTime,
    JOB_MARKS,
  );
  return { seconds: ms / 1000, heapGrowthMiB: (peak - before) / MiB };
}

async function download(page: Page, button: string, to: string): Promise<void> {
  const started = page.waitForEvent('download', { timeout: 600_000 });
  await page.getByRole('button', { name: button }).click();
  await (await started).saveAs(to);
}

async function browserRun(consoleUrl: string, dir: string, mib: number, plainHash: string) {
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH_OPTIONS, headless: true });
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true });
    });
    const cdp = await page.context().newCDPSession(page);
    const heap = new HeapProbe(cdp, await browser.newBrowserCDPSession());
    const plain = path.join(dir, 'plain.bin');
    const encrypted = path.join(dir, 'plain.bin.kmsenc');
    const decrypted = path.join(dir, 'decrypted.bin');

    await page.goto(`${consoleUrl}/#/encrypt`);
    await page.getByRole('radio', { name: 'File' }).check();
    await page.getByLabel('File to encrypt').setInputFiles(plain);
    await page.getByRole('combobox', { name: 'Key ID' }).fill(BENCH_KEYS.aes256);
    const encrypt = await timedJob(page, cdp, heap, 'Encrypt file', 'Download encrypted file');
    await download(page, 'Download encrypted file', encrypted);

    await page.goto(`${consoleUrl}/#/decrypt`);
    await page.getByRole('radio', { name: 'File' }).check();
    await page.getByLabel('Encrypted file').setInputFiles(encrypted);
    const decrypt = await timedJob(page, cdp, heap, 'Decrypt file', 'Download decrypted file');
    await download(page, 'Download decrypted file', decrypted);
    if ((await sha256File(decrypted)) !== plainHash) throw new Error('browser round trip differs');
    await rm(encrypted);
    await rm(decrypted);
    return {
      encryptMiBs: mib / encrypt.seconds,
      decryptMiBs: mib / decrypt.seconds,
      encryptHeapMiB: encrypt.heapGrowthMiB,
      decryptHeapMiB: decrypt.heapGrowthMiB,
    };
  } finally {
    await browser.close();
  }
}

/** Exactly what `npm run envelope` runs (package.json), so that is what is timed. */
const ENVELOPE_COMMAND: string[] = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: { envelope: string };
  }
).scripts.envelope.split(/\s+/);

/** One CLI command under /usr/bin/time: wall seconds and peak resident memory in MB. */
function timedCli(args: string[], env: Record<string, string>) {
  return new Promise<{ seconds: number; maxRssMB: number }>((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', ...ENVELOPE_COMMAND, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /TIME ([\d.]+) (\d+)/.exec(stderr);
      if (code !== 0 || !match) return reject(new Error(`envelope ${args[0]} failed: ${stderr}`));
      resolve({ seconds: Number(match[1]), maxRssMB: (Number(match[2]) * 1024) / 1e6 });
    });
  });
}

async function cliRun(kmsPort: number, dir: string, mib: number, plainHash: string) {
  const env = { LOCAL_KMS_PORT: String(kmsPort) };
  const plain = path.join(dir, 'cli.bin');
  const encrypted = `${plain}.kmsenc`;
  const decrypted = path.join(dir, 'cli-decrypted.bin');
  const encrypt = await timedCli(['encrypt', '--key', BENCH_KEYS.aes256, '--in', plain], env);
  const decrypt = await timedCli(['decrypt', '--in', encrypted, '--out', decrypted], env);
  if ((await sha256File(decrypted)) !== plainHash) throw new Error('CLI round trip differs');
  await rm(encrypted);
  await rm(decrypted);
  return {
    encryptMiBs: mib / encrypt.seconds,
    decryptMiBs: mib / decrypt.seconds,
    encryptRssMB: encrypt.maxRssMB,
    decryptRssMB: decrypt.maxRssMB,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1' },
      'browser-mib': { type: 'string', default: '256' },
      'cli-mib': { type: 'string', default: '1024' },
    },
  });
  const runs = Number(values.runs);
  const browserMib = Number(values['browser-mib']);
  const cliMib = Number(values['cli-mib']);
  const dir = await makeTempDir('envelope-bench');
  const kms = await startLocalKms();
  const consoleServer = await startConsole(kms, { upstreamAuth: 'aksk' });
  try {
    const browserHash = await writeRandomFile(path.join(dir.path, 'plain.bin'), browserMib * MiB);
    const cliHash = await writeRandomFile(path.join(dir.path, 'cli.bin'), cliMib * MiB);
    const browser = [];
    const cli = [];
    for (let run = 0; run < runs; run += 1) {
      browser.push(await browserRun(consoleServer.url, dir.path, browserMib, browserHash));
      cli.push(await cliRun(kms.port, dir.path, cliMib, cliHash));
    }
    const mibs = (value: number) => `${value.toFixed(0)} MiB/s`;
    const mb = (value: number) => `${value.toFixed(0)} MB`;
    const mibSize = (value: number) => `${value.toFixed(1)} MiB`;
    const figures: Figure[] = [
      {
        label: `browser encrypt ${browserMib} MiB`,
        values: browser.map((r) => r.encryptMiBs),
        format: mibs,
        target: { text: '≥ 150 MiB/s', met: (v) => v >= 150 },
      },
      {
        label: `browser decrypt ${browserMib} MiB`,
        values: browser.map((r) => r.decryptMiBs),
        format: mibs,
        target: { text: '≥ 150 MiB/s', met: (v) => v >= 150 },
      },
      {
        label: 'browser encrypt: JS heap growth',
        values: browser.map((r) => r.encryptHeapMiB),
        format: mibSize,
        target: { text: '< 64 MiB', met: (v) => v < 64 },
      },
      {
        label: 'browser decrypt: JS heap growth',
        values: browser.map((r) => r.decryptHeapMiB),
        format: mibSize,
        target: { text: '< 64 MiB', met: (v) => v < 64 },
      },
      {
        label: `CLI encrypt ${cliMib} MiB`,
        values: cli.map((r) => r.encryptMiBs),
        format: mibs,
        target: { text: '≥ 300 MiB/s', met: (v) => v >= 300 },
      },
      {
        label: `CLI decrypt ${cliMib} MiB`,
        values: cli.map((r) => r.decryptMiBs),
        format: mibs,
        target: { text: '≥ 300 MiB/s', met: (v) => v >= 300 },
      },
      {
        label: 'CLI encrypt: max RSS',
        values: cli.map((r) => r.encryptRssMB),
        format: mb,
        target: { text: '< 200 MB', met: (v) => v < 200 },
      },
      {
        label: 'CLI decrypt: max RSS',
        values: cli.map((r) => r.decryptRssMB),
        format: mb,
        target: { text: '< 200 MB', met: (v) => v < 200 },
      },
    ];
    const summary = printFigures(`Envelope throughput (${runs} run(s))`, figures);
    writeResults('envelope', { browserMib, cliMib, runs: { browser, cli }, summary });
  } finally {
    await consoleServer.stop();
    await kms.stop();
    await dir.remove();
  }
}

await main();
