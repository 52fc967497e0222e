/**
 * Local KMS with many keys, and its signing and MAC throughput (issue 15, "Measured"):
 * 1. start with 6,000 keys of mixed specs (400 SM2): time to a listening server, and the
 *    longest event-loop stall while keys load (targets: < 3 s, no stall > 20 ms);
 * 2. 20 SM2 create-key calls at once on that server: the longest stall (target: ≤ 20 ms);
 * 3. sign / verify (per signing spec) and generate-mac / verify-mac beside AES_256
 *    encrypt-data, against a local KMS child process driven by autocannon.
 *
 *   npx tsx bench/kms-keys.ts [--duration 5] [--connections 20] [--warmup 1]
 *
 * Keys of one spec share one material (the store is built with Keystore.create, which does the
 * same per-key work as create-key): loading costs the same per key, and building the store
 * does not spend minutes generating RSA keys.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { stringify as toYaml } from 'yaml';
import { buildLocalKms, loadLocalKmsConfig } from '../src/kms-local';
import { Keystore } from '../src/kms-local/keystore/keystore';
import type { KeySpec } from '../src/shared/kms';
import { parseBenchArgs } from './lib/args';
import { startServerChild } from './lib/children';
import {
  kmsOperationUrl,
  localKmsEnv,
  makeTempDir,
  postJsonOk,
  TOKEN_HEADERS,
} from './lib/fixtures';
import { measureLoad } from './lib/measure';
import { printTable, writeResults } from './lib/report';

const STORE_MIX: [KeySpec, number][] = [
  ['AES_256', 2600],
  ['SM4', 1000],
  ['SM2', 400],
  ['RSA_2048', 400],
  ['RSA_3072', 200],
  ['RSA_4096', 200],
  ['EC_P256', 300],
  ['EC_P384', 200],
  ['SECP256K1', 200],
  ['ED25519', 200],
  ['HMAC_256', 300],
];

function pkcs8(type: 'rsa' | 'ec' | 'ed25519', options: object = {}): Buffer {
  return generateKeyPairSync(type as 'rsa', options as { modulusLength: number }).privateKey.export(
    {
      type: 'pkcs8',
      format: 'der',
    },
  );
}

const MATERIAL: Record<string, () => Buffer> = {
  AES_256: () => randomBytes(32),
  SM4: () => randomBytes(16),
  HMAC_256: () => randomBytes(32),
  SM2: () => pkcs8('ec', { namedCurve: 'SM2' }),
  RSA_2048: () => pkcs8('rsa', { modulusLength: 2048 }),
  RSA_3072: () => pkcs8('rsa', { modulusLength: 3072 }),
  RSA_4096: () => pkcs8('rsa', { modulusLength: 4096 }),
  EC_P256: () => pkcs8('ec', { namedCurve: 'prime256v1' }),
  EC_P384: () => pkcs8('ec', { namedCurve: 'secp384r1' }),
  SECP256K1: () => pkcs8('ec', { namedCurve: 'secp256k1' }),
  ED25519: () => pkcs8('ed25519'),
};

function usageOf(spec: KeySpec) {
  if (spec.startsWith('HMAC')) return 'GENERATE_VERIFY_MAC' as const;
  return spec === 'AES_256' || spec === 'SM4' || spec === 'SM2' || spec.startsWith('RSA')
    ? ('ENCRYPT_DECRYPT' as const)
    : ('SIGN_VERIFY' as const);
}

async function buildStore(dataDir: string): Promise<number> {
  const store = await Keystore.open(dataDir);
  const jobs = STORE_MIX.flatMap(([spec, count]) => {
    const material = MATERIAL[spec]!();
    return Array.from({ length: count }, (_, index) => ({ spec, index, material }));
  });
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      await store.create({
        alias: `bench/${job.spec.toLowerCase()}-${job.index}`,
        spec: job.spec,
        usage: usageOf(job.spec),
        description: '',
        state: '2',
        serializedMaterial: Buffer.from(job.material),
      });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return jobs.length;
}

/**
 * The longest gap between 1 ms timer ticks while `work` runs, the histogram's p99, and the
 * process's CPU time (the probe's own ticks included).
 */
async function stallsDuring<T>(work: () => Promise<T>) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  histogram.enable();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  try {
    const result = await work();
    const cpu = process.cpuUsage(cpuBefore);
    return {
      result,
      ms: performance.now() - started,
      // On a shared machine wall time is mostly waiting for a core; CPU time is the work.
      cpuMs: (cpu.user + cpu.system) / 1000,
      longestStallMs: longest,
      p99Ms: histogram.percentile(99) / 1e6,
    };
  } finally {
    clearInterval(probe);
    histogram.disable();
  }
}

async function startAndCreate() {
  const dir = await makeTempDir('keys');
  try {
    const built = await buildStore(path.join(dir.path, 'data'));
    // The environment a local KMS child gets, without the bench seed: the store is the keys.
    const { LOCAL_KMS_SEED: _seed, ...env } = localKmsEnv(path.join(dir.path, 'data'));
    const config = loadLocalKmsConfig(env);
    // A real start is a fresh process: collect what building the store left behind (when run
    // with --expose-gc, as `npm run bench:kms-keys` does), or its major GC lands in the
    // measurement below and is counted as a stall of key loading.
    (globalThis as { gc?: () => void }).gc?.();
    // Key loading alone, then the whole start (Fastify's set-up included, once per process).
    const open = await stallsDuring(() => Keystore.open(config.dataDir));
    const start = await stallsDuring(async () => {
      const kms = await buildLocalKms(config);
      return { kms, url: await kms.listen() };
    });
    const { kms, url } = start.result;
    try {
      // fetch loads its HTTP client on first use, in this process: not the server's doing.
      await postJsonOk(kmsOperationUrl(url, 'list-keys'), { limit: '1' }, TOKEN_HEADERS);
      const creates = await stallsDuring(() =>
        Promise.all(
          Array.from({ length: 20 }, (_, index) =>
            postJsonOk(
              kmsOperationUrl(url, 'create-key'),
              { key_alias: `bench/new-sm2-${index}`, key_spec: 'SM2' },
              TOKEN_HEADERS,
            ),
          ),
        ),
      );
      return { keys: built, open, start, creates };
    } finally {
      await kms.close();
    }
  } finally {
    await dir.remove();
  }
}

const SIGNING: { spec: KeySpec; algorithm: string; digestBytes: number }[] = [
  { spec: 'RSA_2048', algorithm: 'RSASSA_PSS_SHA_256', digestBytes: 32 },
  { spec: 'RSA_2048', algorithm: 'RSASSA_PKCS1_V1_5_SHA_256', digestBytes: 32 },
  { spec: 'RSA_4096', algorithm: 'RSASSA_PSS_SHA_256', digestBytes: 32 },
  { spec: 'EC_P256', algorithm: 'ECDSA_SHA_256', digestBytes: 32 },
  { spec: 'EC_P384', algorithm: 'ECDSA_SHA_384', digestBytes: 48 },
  { spec: 'SECP256K1', algorithm: 'ECDSA_SHA_256', digestBytes: 32 },
  { spec: 'SM2', algorithm: 'SM2DSA_SM3', digestBytes: 32 },
  { spec: 'ED25519', algorithm: 'ED25519_SHA_512', digestBytes: 0 },
];
const MACS: { spec: KeySpec; algorithm: string }[] = [
  { spec: 'HMAC_256', algorithm: 'HMAC_SHA_256' },
  { spec: 'HMAC_512', algorithm: 'HMAC_SHA_512' },
  { spec: 'HMAC_SM3', algorithm: 'HMAC_SM3' },
];

async function throughput(options: {
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
}) {
  const dir = await makeTempDir('sign');
  const ids = new Map<KeySpec, string>();
  const specs: KeySpec[] = ['AES_256', ...SIGNING.map((s) => s.spec), ...MACS.map((m) => m.spec)];
  for (const spec of new Set(specs)) ids.set(spec, randomUUID());
  const seedFile = path.join(dir.path, 'seed.yaml');
  await writeFile(
    seedFile,
    toYaml({
      keys: [...ids].map(([spec, keyId]) => ({
        key_id: keyId,
        key_alias: `bench/${spec.toLowerCase()}`,
        key_spec: spec,
        ...(spec.startsWith('RSA') || spec === 'SM2' ? { key_usage: 'SIGN_VERIFY' } : {}),
      })),
    }),
  );
  const child = await startServerChild({
    entry: 'local-kms.ts',
    env: { ...localKmsEnv(path.join(dir.path, 'data')), LOCAL_KMS_SEED: seedFile },
  });
  const rows: {
    operation: string;
    spec: string;
    algorithm: string;
    okPerSecond: number;
    cpuUsPerRequest: number;
  }[] = [];
  const measure = async (operation: string, spec: KeySpec, algorithm: string, body: object) => {
    const measured = await measureLoad({
      label: `${operation} ${spec} ${algorithm}`,
      url: kmsOperationUrl(child.url, operation),
      body: JSON.stringify(body),
      headers: TOKEN_HEADERS,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      serverPids: [child.pid],
    });
    rows.push({
      operation,
      spec,
      algorithm,
      okPerSecond: Math.round(measured.okPerSecond),
      cpuUsPerRequest: Math.round(measured.serverCpuUsPerRequest),
    });
  };
  try {
    const message = Buffer.from('a 64-byte message to sign, MAC or encrypt: benchmark payload!!!');
    await measure('encrypt-data', 'AES_256', 'SYMMETRIC_DEFAULT', {
      key_id: ids.get('AES_256'),
      plain_text: message.toString(),
    });
    for (const { spec, algorithm, digestBytes } of SIGNING) {
      const keyId = ids.get(spec);
      const input =
        digestBytes === 0
          ? { message: message.toString('base64'), message_type: 'RAW' }
          : { message: randomBytes(digestBytes).toString('base64') };
      const signed = await postJsonOk(
        kmsOperationUrl(child.url, 'sign'),
        { key_id: keyId, signing_algorithm: algorithm, ...input },
        TOKEN_HEADERS,
      );
      await measure('sign', spec, algorithm, {
        key_id: keyId,
        signing_algorithm: algorithm,
        ...input,
      });
      await measure('verify', spec, algorithm, {
        key_id: keyId,
        signing_algorithm: algorithm,
        signature: signed.body.signature,
        ...input,
      });
    }
    for (const { spec, algorithm } of MACS) {
      const keyId = ids.get(spec);
      const body = { key_id: keyId, mac_algorithm: algorithm, message: message.toString('base64') };
      const made = await postJsonOk(
        kmsOperationUrl(child.url, 'generate-mac'),
        body,
        TOKEN_HEADERS,
      );
      await measure('generate-mac', spec, algorithm, body);
      await measure('verify-mac', spec, algorithm, { ...body, mac: made.body.mac });
    }
  } finally {
    await child.stop();
    await dir.remove();
  }
  return rows;
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const keys = await startAndCreate();
  printTable(
    `Local KMS with ${keys.keys} keys (400 SM2)`,
    ['step', 'time', 'CPU time', 'longest stall', 'p99 delay', 'target'],
    [
      [
        'Keystore.open (load keys)',
        ms(keys.open.ms),
        ms(keys.open.cpuMs),
        ms(keys.open.longestStallMs),
        ms(keys.open.p99Ms),
        'stall ≤ 20 ms',
      ],
      [
        'start (load keys + listen)',
        ms(keys.start.ms),
        ms(keys.start.cpuMs),
        ms(keys.start.longestStallMs),
        ms(keys.start.p99Ms),
        '< 3 s, stall ≤ 20 ms',
      ],
      [
        '20 SM2 create-key at once',
        ms(keys.creates.ms),
        ms(keys.creates.cpuMs),
        ms(keys.creates.longestStallMs),
        ms(keys.creates.p99Ms),
        'stall ≤ 20 ms',
      ],
    ],
  );
  const rows = await throughput({
    durationSeconds: options.duration,
    connections: options.connections,
    warmupSeconds: options.warmup,
  });
  printTable(
    `Throughput at ${options.connections} connections, ${options.duration} s each`,
    ['operation', 'spec', 'algorithm', 'ok/s', 'server CPU µs/req'],
    rows.map((row) => [
      row.operation,
      row.spec,
      row.algorithm,
      String(row.okPerSecond),
      String(row.cpuUsPerRequest),
    ]),
  );
  writeResults('kms-keys', {
    store: { keys: keys.keys, mix: Object.fromEntries(STORE_MIX) },
    loadAverageAtEnd: os.loadavg()[0],
    open: {
      ms: keys.open.ms,
      cpuMs: keys.open.cpuMs,
      longestStallMs: keys.open.longestStallMs,
      p99Ms: keys.open.p99Ms,
    },
    start: {
      ms: keys.start.ms,
      cpuMs: keys.start.cpuMs,
      longestStallMs: keys.start.longestStallMs,
      p99Ms: keys.start.p99Ms,
    },
    sm2Creates: {
      count: 20,
      ms: keys.creates.ms,
      cpuMs: keys.creates.cpuMs,
      longestStallMs: keys.creates.longestStallMs,
      p99Ms: keys.creates.p99Ms,
    },
    throughput: rows,
  });
}

await main();
