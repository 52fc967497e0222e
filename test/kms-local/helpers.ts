/** Shared set-up for the local KMS tests: a real server on port 0 over a temp data dir. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { buildLocalKms, type LocalKms, type LocalKmsConfig } from '../../src/kms-local';
import { LOCAL_KMS_DEFAULTS } from '../../src/shared/local-kms-defaults';

export const PROJECT_ID = LOCAL_KMS_DEFAULTS.projectId;
export const TOKEN = LOCAL_KMS_DEFAULTS.token;

export interface SeedEntry {
  key_id: string;
  key_alias: string;
  key_spec: string;
  key_state?: string;
  key_usage?: string;
  key_description?: string;
  key_material?: string;
}

export async function tempDir(prefix = 'local-kms-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeSeed(dir: string, keys: readonly SeedEntry[]): Promise<string> {
  const path = join(dir, 'seed.yaml');
  await writeFile(path, toYaml({ keys }));
  return path;
}

export function testConfig(dataDir: string, extra: Partial<LocalKmsConfig> = {}): LocalKmsConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    projectId: LOCAL_KMS_DEFAULTS.projectId,
    domainId: LOCAL_KMS_DEFAULTS.domainId,
    region: LOCAL_KMS_DEFAULTS.region,
    accessKey: LOCAL_KMS_DEFAULTS.accessKey,
    secretKey: LOCAL_KMS_DEFAULTS.secretKey,
    token: LOCAL_KMS_DEFAULTS.token,
    ...extra,
  };
}

export interface RunningKms {
  kms: LocalKms;
  url: string;
  dataDir: string;
  call: (operation: string, body: unknown) => Promise<KmsReply>;
  close: () => Promise<void>;
}

export interface KmsReply {
  status: number;
  // Tests read whatever the server sent; each assertion states what it expects.
  body: Record<string, unknown> & {
    error?: { error_code: string; error_msg: string };
  };
}

export async function postRaw(
  url: string,
  init: { body?: string; headers?: Record<string, string>; method?: string },
): Promise<KmsReply> {
  const response = await fetch(url, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : JSON.parse(text) };
}

export async function startKms(dataDir: string, extra: Partial<LocalKmsConfig> = {}) {
  const kms = await buildLocalKms(testConfig(dataDir, extra));
  const url = await kms.listen();
  const call = (operation: string, body: unknown) =>
    postRaw(`${url}/v1.0/${PROJECT_ID}/kms/${operation}`, {
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'Content-Type': 'application/json;charset=UTF-8', 'X-Auth-Token': TOKEN },
    });
  const running: RunningKms = { kms, url, dataDir, call, close: () => kms.close() };
  return running;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Runs tasks with at most `limit` in flight. */
export async function inBatches<T>(
  count: number,
  limit: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
  return results;
}
