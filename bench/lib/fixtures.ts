/**
 * What every server benchmark shares: the seed with fixed key ids, a throw-away data dir,
 * the requests sent, and a small JSON client for the one-off calls made before a load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';

export const BENCH_SEED_FILE = path.resolve(
  import.meta.dirname,
  '..',
  'fixtures',
  'bench-seed.yaml',
);

export const BENCH_KEYS = {
  aes256: 'b0000000-0000-4000-8000-000000000001',
  rsa2048: 'b0000000-0000-4000-8000-000000000002',
} as const;

/** A typical small secret: 64 ASCII bytes, with one encryption-context pair as AAD. */
export const BENCH_PLAINTEXT = 'postgres://app:S3cr3t-Pa55w0rd@db.internal:5432/orders?ssl=true!';

export const AES_ENCRYPT_REQUEST = {
  key_id: BENCH_KEYS.aes256,
  plain_text: BENCH_PLAINTEXT,
  encryption_context: { purpose: 'benchmark' },
};

export const RSA_ENCRYPT_REQUEST = {
  key_id: BENCH_KEYS.rsa2048,
  plain_text: BENCH_PLAINTEXT,
  encryption_algorithm: 'RSAES_OAEP_SHA_256',
};

export const TOKEN_HEADERS = { 'x-auth-token': LOCAL_KMS_DEFAULTS.token };

export interface TempDir {
  path: string;
  remove(): Promise<void>;
}

export async function makeTempDir(prefix: string): Promise<TempDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `kms-bench-${prefix}-`));
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Environment of a local KMS child: loopback, a free port, the given data dir, the seed. */
export function localKmsEnv(dataDir: string): Record<string, string> {
  return {
    LOCAL_KMS_HOST: '127.0.0.1',
    LOCAL_KMS_PORT: '0',
    LOCAL_KMS_DATA_DIR: dataDir,
    LOCAL_KMS_SEED: BENCH_SEED_FILE,
  };
}

export function kmsOperationUrl(baseUrl: string, operation: string): string {
  return `${baseUrl}/v1.0/${LOCAL_KMS_DEFAULTS.projectId}/kms/${operation}`;
}

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Size of the answer's body in bytes. */
  bytes: number;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Record<string, unknown>,
    bytes: Buffer.byteLength(text),
  };
}

/** Like postJson, but a non-200 answer is a broken set-up: stop with what the server said. */
export async function postJsonOk(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const answer = await postJson(url, body, headers);
  if (answer.status !== 200) {
    throw new Error(`POST ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  return answer;
}

export function stringField(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string') throw new Error(`answer has no string "${field}"`);
  return value;
}
