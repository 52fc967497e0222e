/**
 * Local KMS throughput: AES_256 encrypt-data and decrypt-data and RSA_2048 decrypt-data at 50
 * connections, side by side in the same run with a bare node:http server that parses the same
 * request and answers a JSON body of the same size (the ceiling for Node on this machine).
 * Target: AES_256 encrypt-data at ≥ 50 % of the ceiling.
 *
 *   npm run bench:kms-throughput -- [--runs 3] [--duration 10] [--connections 50] [--warmup 2]
 *                                   [--cpu-prof-dir DIR]
 */
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type BenchOptions } from './lib/args';
import { startServerChild } from './lib/children';
import { fmt, loadAverageFigure, printFigures, type Figure } from './lib/figures';
import {
  AES_ENCRYPT_REQUEST,
  BENCH_KEYS,
  kmsOperationUrl,
  postJsonOk,
  RSA_ENCRYPT_REQUEST,
  stringField,
  TOKEN_HEADERS,
} from './lib/fixtures';
import { measureLoad, type MeasuredLoad } from './lib/measure';
import { writeResults } from './lib/report';
import { startLocalKms } from './lib/stack';

export const CEILING_RATIO_TARGET = 0.5;

interface ThroughputRun {
  loadAverage: number;
  requestBytes: { encrypt: number; decrypt: number; rsaDecrypt: number };
  responseBytes: { encrypt: number; ceiling: number };
  ceiling: MeasuredLoad;
  aesEncrypt: MeasuredLoad;
  aesDecrypt: MeasuredLoad;
  rsaDecrypt: MeasuredLoad;
  /** AES_256 encrypt-data throughput over the ceiling's. */
  encryptRatio: number;
  decryptRatio: number;
}

async function runOnce(options: BenchOptions, runIndex: number): Promise<ThroughputRun> {
  const loadAverage = os.loadavg()[0]!;
  const kms = await startLocalKms({
    cpuProfDir: options.cpuProfDir,
    cpuProfName: `local-kms-throughput-run${runIndex + 1}.cpuprofile`,
  });
  let ceiling: Awaited<ReturnType<typeof startServerChild>> | undefined;
  try {
    const encryptUrl = kmsOperationUrl(kms.url, 'encrypt-data');
    const decryptUrl = kmsOperationUrl(kms.url, 'decrypt-data');
    const encryptBody = JSON.stringify(AES_ENCRYPT_REQUEST);
    const encrypted = await postJsonOk(encryptUrl, AES_ENCRYPT_REQUEST, TOKEN_HEADERS);
    const decryptBody = JSON.stringify({
      cipher_text: stringField(encrypted.body, 'cipher_text'),
      encryption_context: AES_ENCRYPT_REQUEST.encryption_context,
    });
    const rsaEncrypted = await postJsonOk(encryptUrl, RSA_ENCRYPT_REQUEST, TOKEN_HEADERS);
    const rsaDecryptBody = JSON.stringify({
      key_id: BENCH_KEYS.rsa2048,
      encryption_algorithm: RSA_ENCRYPT_REQUEST.encryption_algorithm,
      cipher_text: stringField(rsaEncrypted.body, 'cipher_text'),
    });

    ceiling = await startServerChild({
      entry: 'ceiling.ts',
      env: { BENCH_CEILING_RESPONSE_BYTES: String(encrypted.bytes) },
    });
    const ceilingAnswer = await postJsonOk(ceiling.url, AES_ENCRYPT_REQUEST);

    const common = {
      connections: options.connections,
      durationSeconds: options.duration,
      warmupSeconds: options.warmup,
    };
    console.log(`Run ${runIndex + 1} of ${options.runs}`);
    const ceilingLoad = await measureLoad({
      ...common,
      label: 'node:http ceiling',
      url: ceiling.url,
      body: encryptBody,
      serverPids: [ceiling.pid],
    });
    const kmsLoad = (label: string, url: string, body: string) =>
      measureLoad({
        ...common,
        label,
        url,
        body,
        headers: TOKEN_HEADERS,
        serverPids: [kms.pid],
      });
    const aesEncrypt = await kmsLoad('AES_256 encrypt-data', encryptUrl, encryptBody);
    const aesDecrypt = await kmsLoad('AES_256 decrypt-data', decryptUrl, decryptBody);
    const rsaDecrypt = await kmsLoad('RSA_2048 decrypt-data', decryptUrl, rsaDecryptBody);
    return {
      loadAverage,
      requestBytes: {
        encrypt: Buffer.byteLength(encryptBody),
        decrypt: Buffer.byteLength(decryptBody),
        rsaDecrypt: Buffer.byteLength(rsaDecryptBody),
      },
      responseBytes: { encrypt: encrypted.bytes, ceiling: ceilingAnswer.bytes },
      ceiling: ceilingLoad,
      aesEncrypt,
      aesDecrypt,
      rsaDecrypt,
      encryptRatio: aesEncrypt.okPerSecond / ceilingLoad.okPerSecond,
      decryptRatio: aesDecrypt.okPerSecond / ceilingLoad.okPerSecond,
    };
  } finally {
    await ceiling?.stop();
    await kms.stop();
  }
}

export function throughputFigures(runs: ThroughputRun[]): Figure[] {
  const each = (pick: (run: ThroughputRun) => number) => runs.map(pick);
  const loads = [
    ['node:http ceiling', (run: ThroughputRun) => run.ceiling],
    ['AES_256 encrypt-data', (run: ThroughputRun) => run.aesEncrypt],
    ['AES_256 decrypt-data', (run: ThroughputRun) => run.aesDecrypt],
    ['RSA_2048 decrypt-data', (run: ThroughputRun) => run.rsaDecrypt],
  ] as const;
  return [
    ...loads.map(([label, load]) => ({
      label: `${label} throughput`,
      values: each((run) => load(run).okPerSecond),
      format: fmt.rps,
    })),
    {
      label: 'AES_256 encrypt-data / ceiling',
      values: each((run) => run.encryptRatio * 100),
      format: fmt.percent,
      target: {
        text: `≥ ${CEILING_RATIO_TARGET * 100} %`,
        met: (value: number) => value >= CEILING_RATIO_TARGET * 100,
      },
    },
    {
      // What the throughput ratio would be with both servers CPU-bound on one core: the figure
      // least moved by other work on the machine.
      label: 'ceiling CPU / AES_256 encrypt-data CPU, per request',
      values: each(
        (run) => (100 * run.ceiling.serverCpuUsPerRequest) / run.aesEncrypt.serverCpuUsPerRequest,
      ),
      format: fmt.percent,
    },
    {
      label: 'AES_256 decrypt-data / ceiling',
      values: each((run) => run.decryptRatio * 100),
      format: fmt.percent,
    },
    ...loads.flatMap(([label, load]) => [
      { label: `${label} p50 latency`, values: each((run) => load(run).p50Ms), format: fmt.ms },
      { label: `${label} p99 latency`, values: each((run) => load(run).p99Ms), format: fmt.ms },
    ]),
    ...loads.map(([label, load]) => ({
      label: `${label} server CPU / request`,
      values: each((run) => load(run).serverCpuUsPerRequest),
      format: fmt.us,
    })),
    ...loads.map(([label, load]) => ({
      label: `${label} server CPU busy (100 % = one core)`,
      values: each((run) => load(run).serverCpuBusyPercent),
      format: fmt.percent,
    })),
    {
      label: 'encrypt-data response body (ceiling answers the same)',
      values: each((run) => run.responseBytes.encrypt),
      format: fmt.bytes,
    },
    loadAverageFigure(each((run) => run.loadAverage)),
  ];
}

async function main(): Promise<void> {
  const options = parseBenchArgs();
  console.log(
    `Local KMS throughput: ${options.runs} run(s), ${options.connections} connections, ` +
      `${options.duration} s per load`,
  );
  const runs: ThroughputRun[] = [];
  for (let i = 0; i < options.runs; i += 1) runs.push(await runOnce(options, i));
  const summary = printFigures(
    'Local KMS throughput (autocannon, X-Auth-Token)',
    throughputFigures(runs),
  );
  writeResults('kms-throughput', { options, runs, summary });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
