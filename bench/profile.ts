/**
 * Where the servers spend their CPU under load: the ceiling, the local KMS and the console
 * server run under `node --cpu-prof` while each load of the benchmarks runs once; each
 * load's slice of each profile is ranked by self time (top 15), so every table below shows
 * one operation on one server, without start-up or the other loads mixed in.
 *
 *   npm run bench:profile -- [--duration 10] [--connections 50] [--cpu-prof-dir .tmp/profiles]
 *
 * The .cpuprofile files stay in the directory; open them in Chrome DevTools (Performance) or
 * rank them again with `npx tsx bench/cpuprofile-top.ts FILE`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { printProfileSummary } from './cpuprofile-top';
import { parseBenchArgs } from './lib/args';
import { startServerChild, type ServerChild } from './lib/children';
import { nowUs, summariseProfile, type ProfileSummary, type ProfileWindow } from './lib/cpuprofile';
import {
  AES_ENCRYPT_REQUEST,
  kmsOperationUrl,
  postJsonOk,
  stringField,
  TOKEN_HEADERS,
} from './lib/fixtures';
import { measureLoad } from './lib/measure';
import { writeResults } from './lib/report';
import { REPO_ROOT, startConsole, startLocalKms } from './lib/stack';

interface Slice {
  load: string;
  server: string;
  profileFile: string;
  window: ProfileWindow;
  requests: number;
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2), {
    cpuProfDir: path.join(REPO_ROOT, '.tmp', 'profiles'),
  });
  const dir = path.resolve(options.cpuProfDir!);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const fileOf = (server: string) => path.join(dir, `${server}-${stamp}.cpuprofile`);
  const profile = (server: string) => ({
    cpuProfDir: dir,
    cpuProfName: path.basename(fileOf(server)),
  });

  const started: ServerChild[] = [];
  const slices: Slice[] = [];
  try {
    const kms = await startLocalKms(profile('local-kms'));
    started.push(kms);
    const consoleServer = await startConsole(kms, { upstreamAuth: 'token', ...profile('console') });
    started.push(consoleServer);
    const encrypted = await postJsonOk(
      kmsOperationUrl(kms.url, 'encrypt-data'),
      AES_ENCRYPT_REQUEST,
      TOKEN_HEADERS,
    );
    const ceiling = await startServerChild({
      entry: 'ceiling.ts',
      env: { BENCH_CEILING_RESPONSE_BYTES: String(encrypted.bytes) },
      ...profile('ceiling'),
    });
    started.push(ceiling);

    const encryptBody = JSON.stringify(AES_ENCRYPT_REQUEST);
    const loads = [
      {
        load: 'node:http ceiling',
        url: ceiling.url,
        body: encryptBody,
        headers: {},
        servers: [['ceiling', ceiling]] as const,
      },
      {
        load: 'AES_256 encrypt-data, direct',
        url: kmsOperationUrl(kms.url, 'encrypt-data'),
        body: encryptBody,
        headers: TOKEN_HEADERS,
        servers: [['local-kms', kms]] as const,
      },
      {
        load: 'AES_256 decrypt-data, direct',
        url: kmsOperationUrl(kms.url, 'decrypt-data'),
        body: JSON.stringify({
          cipher_text: stringField(encrypted.body, 'cipher_text'),
          encryption_context: AES_ENCRYPT_REQUEST.encryption_context,
        }),
        headers: TOKEN_HEADERS,
        servers: [['local-kms', kms]] as const,
      },
      {
        load: 'AES_256 encrypt-data, through the console',
        url: `${consoleServer.url}/api/kms/encrypt-data`,
        body: encryptBody,
        headers: {},
        servers: [
          ['console', consoleServer],
          ['local-kms', kms],
        ] as const,
      },
    ];
    console.log(`Profiling ${loads.length} loads of ${options.duration} s each`);
    for (const load of loads) {
      // The warm-up runs outside the window, so the JIT's early work is not counted.
      if (options.warmup > 0) {
        await measureLoad({
          label: `${load.load} (warm-up)`,
          url: load.url,
          body: load.body,
          headers: load.headers,
          connections: options.connections,
          durationSeconds: options.warmup,
          warmupSeconds: 0,
          serverPids: [],
        });
      }
      const fromUs = nowUs();
      const result = await measureLoad({
        label: load.load,
        url: load.url,
        body: load.body,
        headers: load.headers,
        connections: options.connections,
        durationSeconds: options.duration,
        warmupSeconds: 0,
        serverPids: load.servers.map(([, child]) => child.pid),
      });
      const window = { fromUs, toUs: nowUs() };
      for (const [server] of load.servers) {
        slices.push({
          load: load.load,
          server,
          profileFile: fileOf(server),
          window,
          requests: result.ok,
        });
      }
    }
  } finally {
    // Profiles are written when the processes exit.
    for (const child of started.reverse()) await child.stop();
  }

  const summaries: (ProfileSummary & { load: string; server: string; cpuUsPerRequest: number })[] =
    [];
  for (const slice of slices) {
    const summary = summariseProfile(slice.profileFile, 15, slice.window);
    console.log(
      `\n== ${slice.server} during "${slice.load}": ${slice.requests} requests, ` +
        `${Math.round((summary.busyMs * 1000) / slice.requests)} µs sampled CPU per request`,
    );
    printProfileSummary(summary);
    summaries.push({
      ...summary,
      load: slice.load,
      server: slice.server,
      cpuUsPerRequest: (summary.busyMs * 1000) / slice.requests,
    });
  }
  writeResults('profile', { options, profiles: summaries });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
