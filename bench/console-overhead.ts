/**
 * Console server overhead: the same AES_256 encrypt-data load sent (a) straight to the local
 * KMS, (b) through the console server (`POST /api/kms/encrypt-data`), (c) through nginx
 * `proxy_pass` with upstream keepalive to the same local KMS (skipped when nginx is absent).
 * Targets: console throughput ≥ 50 % of nginx's; added p50 latency ≤ 1 ms over direct.
 *
 * For a like-for-like path the console authenticates to the local KMS with the X-Auth-Token
 * here, as the direct and nginx loads do; the console's default (an AK/SK signature per
 * request, which the local KMS verifies) is measured as well and reported beside it.
 * Latency is measured twice: under the 50-connection load (autocannon, whole milliseconds,
 * mostly queueing) and one request at a time (hrtime, the cost of the extra hop itself).
 *
 *   npm run bench:console-overhead -- [--runs 3] [--duration 10] [--connections 50]
 *                                     [--warmup 2] [--cpu-prof-dir DIR]
 */
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type BenchOptions } from './lib/args';
import type { ServerChild } from './lib/children';
import { fmt, loadAverageFigure, printFigures, type Figure } from './lib/figures';
import { AES_ENCRYPT_REQUEST, kmsOperationUrl, postJsonOk, TOKEN_HEADERS } from './lib/fixtures';
import { measureLoad, type MeasuredLoad } from './lib/measure';
import { NGINX_PATH, nginxAvailable, startNginx } from './lib/nginx';
import { writeResults } from './lib/report';
import { measureSerialLatency, type SerialLatency } from './lib/serial-latency';
import { startConsole, startLocalKms } from './lib/stack';

export const NGINX_RATIO_TARGET = 0.5;
export const ADDED_P50_TARGET_MS = 1;
const SERIAL_REQUESTS = 2000;

const PATHS = ['direct', 'console', 'nginx', 'consoleAksk'] as const;
type PathName = (typeof PATHS)[number];

const PATH_LABELS: Record<PathName, string> = {
  direct: '(a) direct to local KMS',
  console: '(b) console server',
  nginx: '(c) nginx proxy_pass',
  consoleAksk: '(b) console, default AK/SK upstream',
};

interface PathResult {
  load: MeasuredLoad;
  serial: SerialLatency;
  /** CPU µs per request of the proxy alone (NaN for the direct path). */
  proxyCpuUs: number;
  /** CPU µs per request of the local KMS behind it. */
  kmsCpuUs: number;
}

type OverheadRun = Partial<Record<PathName, PathResult>> & { loadAverage: number };

interface Target {
  url: string;
  headers: Record<string, string>;
  proxy: ServerChild | undefined;
}

async function runOnce(options: BenchOptions, runIndex: number): Promise<OverheadRun> {
  const loadAverage = os.loadavg()[0]!;
  const profile = (name: string) => ({
    cpuProfDir: options.cpuProfDir,
    cpuProfName: `${name}-overhead-run${runIndex + 1}.cpuprofile`,
  });
  const started: ServerChild[] = [];
  try {
    const kms = await startLocalKms(profile('local-kms'));
    started.push(kms);
    const consoleServer = await startConsole(kms, { upstreamAuth: 'token', ...profile('console') });
    started.push(consoleServer);
    const consoleAksk = await startConsole(kms, { upstreamAuth: 'aksk' });
    started.push(consoleAksk);
    const nginx = nginxAvailable() ? await startNginx(kms.port) : undefined;
    if (nginx) started.push(nginx);

    const targets: Partial<Record<PathName, Target>> = {
      direct: {
        url: kmsOperationUrl(kms.url, 'encrypt-data'),
        headers: TOKEN_HEADERS,
        proxy: undefined,
      },
      console: {
        url: `${consoleServer.url}/api/kms/encrypt-data`,
        headers: {},
        proxy: consoleServer,
      },
      ...(nginx && {
        nginx: {
          url: kmsOperationUrl(nginx.url, 'encrypt-data'),
          headers: TOKEN_HEADERS,
          proxy: nginx,
        },
      }),
      consoleAksk: {
        url: `${consoleAksk.url}/api/kms/encrypt-data`,
        headers: {},
        proxy: consoleAksk,
      },
    };
    const body = JSON.stringify(AES_ENCRYPT_REQUEST);
    // Every path must work before anything is timed.
    for (const target of Object.values(targets)) {
      await postJsonOk(target.url, AES_ENCRYPT_REQUEST, target.headers);
    }

    console.log(`Run ${runIndex + 1} of ${options.runs}`);
    const run: OverheadRun = { loadAverage };
    for (const name of PATHS) {
      const target = targets[name];
      if (!target) continue;
      const serverPids = target.proxy ? [target.proxy.pid, kms.pid] : [kms.pid];
      const load = await measureLoad({
        label: PATH_LABELS[name],
        url: target.url,
        body,
        headers: target.headers,
        connections: options.connections,
        durationSeconds: options.duration,
        warmupSeconds: options.warmup,
        serverPids,
      });
      const serial = await measureSerialLatency({
        url: target.url,
        body,
        headers: target.headers,
        requests: SERIAL_REQUESTS,
      });
      const byServer = load.cpuUsPerRequestByServer;
      run[name] = {
        load,
        serial,
        proxyCpuUs: target.proxy ? byServer[0]! : Number.NaN,
        kmsCpuUs: byServer[byServer.length - 1]!,
      };
    }
    return run;
  } finally {
    for (const child of started.reverse()) await child.stop();
  }
}

export function overheadFigures(runs: OverheadRun[]): Figure[] {
  const each = (pick: (run: OverheadRun) => number | undefined) =>
    runs.map((run) => pick(run) ?? Number.NaN);
  const paths = PATHS.filter((name) => runs.some((run) => run[name]));
  return [
    ...paths.map((name) => ({
      label: `${PATH_LABELS[name]} throughput`,
      values: each((run) => run[name]?.load.okPerSecond),
      format: fmt.rps,
    })),
    {
      label: 'console / nginx throughput',
      values: each((run) =>
        run.console && run.nginx
          ? (100 * run.console.load.okPerSecond) / run.nginx.load.okPerSecond
          : undefined,
      ),
      format: fmt.percent,
      target: {
        text: `≥ ${NGINX_RATIO_TARGET * 100} %`,
        met: (value: number) => value >= NGINX_RATIO_TARGET * 100,
      },
    },
    {
      label: 'console / direct throughput',
      values: each((run) =>
        run.console && run.direct
          ? (100 * run.console.load.okPerSecond) / run.direct.load.okPerSecond
          : undefined,
      ),
      format: fmt.percent,
    },
    {
      label: 'nginx / direct throughput',
      values: each((run) =>
        run.nginx && run.direct
          ? (100 * run.nginx.load.okPerSecond) / run.direct.load.okPerSecond
          : undefined,
      ),
      format: fmt.percent,
    },
    ...paths.map((name) => ({
      label: `${PATH_LABELS[name]} p50, 1 connection`,
      values: each((run) => run[name]?.serial.p50Ms),
      format: fmt.ms,
    })),
    {
      label: 'console added p50 over direct, 1 connection',
      values: each((run) =>
        run.console && run.direct ? run.console.serial.p50Ms - run.direct.serial.p50Ms : undefined,
      ),
      format: fmt.ms,
      target: {
        text: `≤ ${ADDED_P50_TARGET_MS} ms`,
        met: (value: number) => value <= ADDED_P50_TARGET_MS,
      },
    },
    {
      label: 'nginx added p50 over direct, 1 connection',
      values: each((run) =>
        run.nginx && run.direct ? run.nginx.serial.p50Ms - run.direct.serial.p50Ms : undefined,
      ),
      format: fmt.ms,
    },
    ...paths.map((name) => ({
      label: `${PATH_LABELS[name]} p50, 50 connections`,
      values: each((run) => run[name]?.load.p50Ms),
      format: fmt.ms,
    })),
    {
      label: 'console added p50 over direct, 50 connections',
      values: each((run) =>
        run.console && run.direct ? run.console.load.p50Ms - run.direct.load.p50Ms : undefined,
      ),
      format: fmt.ms,
      target: {
        text: `≤ ${ADDED_P50_TARGET_MS} ms`,
        met: (value: number) => value <= ADDED_P50_TARGET_MS,
      },
    },
    ...paths.map((name) => ({
      label: `${PATH_LABELS[name]} p99, 50 connections`,
      values: each((run) => run[name]?.load.p99Ms),
      format: fmt.ms,
    })),
    ...paths
      .filter((name) => name !== 'direct')
      .map((name) => ({
        label: `${PATH_LABELS[name]}: proxy CPU / request`,
        values: each((run) => run[name]?.proxyCpuUs),
        format: fmt.us,
      })),
    ...paths
      .filter((name) => name !== 'direct')
      .map((name) => ({
        label: `${PATH_LABELS[name]}: proxy CPU busy (100 % = one core)`,
        values: each((run) => run[name]?.load.cpuBusyPercentByServer[0]),
        format: fmt.percent,
      })),
    ...paths.map((name) => ({
      label: `${PATH_LABELS[name]}: local KMS CPU / request`,
      values: each((run) => run[name]?.kmsCpuUs),
      format: fmt.us,
    })),
    loadAverageFigure(each((run) => run.loadAverage)),
  ];
}

async function main(): Promise<void> {
  const options = parseBenchArgs();
  if (!nginxAvailable()) {
    console.log(
      `nginx not found at ${NGINX_PATH}: path (c) is skipped (install it with ` +
        '`apt-get install -y nginx`, or set NGINX_PATH).',
    );
  }
  console.log(
    `Console server overhead: ${options.runs} run(s), ${options.connections} connections, ` +
      `${options.duration} s per load, ${SERIAL_REQUESTS} requests one at a time per path`,
  );
  const runs: OverheadRun[] = [];
  for (let i = 0; i < options.runs; i += 1) runs.push(await runOnce(options, i));
  const summary = printFigures(
    `Console server overhead (AES_256 encrypt-data, ${options.connections} connections)`,
    overheadFigures(runs),
  );
  writeResults('console-overhead', {
    options,
    nginx: nginxAvailable() ? NGINX_PATH : null,
    runs,
    summary,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
