/**
 * kill -9 durability: `tsx src/kms-local/main.ts` runs as a child process over a temp data dir;
 * a burst of create-key requests is cut by SIGKILL; after a restart every create that was
 * answered 200 is there, with its alias and spec, and works.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  PROJECT_ID,
  TOKEN,
  postRaw,
  removeDir,
  tempDir,
  writeSeed,
  type KmsReply,
} from './helpers';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const SEEDED = '1a2b3c4d-0000-4000-8000-000000000f01';
const SPECS = ['AES_256', 'SM4', 'EC_P256', 'SM2'] as const;
const KILL_AFTER_ACKS = 40;
const WORKERS = 16;

let dir: string;
let seedFile: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await tempDir();
  seedFile = await writeSeed(dir, [
    { key_id: SEEDED, key_alias: 'durable/seeded', key_spec: 'AES_256' },
  ]);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await removeDir(dir);
});

/** Starts the real entry point in its own Node process (no tsx wrapper: SIGKILL must hit it). */
function startChild(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/kms-local/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOCAL_KMS_PORT: '0',
      LOCAL_KMS_DATA_DIR: join(dir, 'data'),
      LOCAL_KMS_SEED: seedFile,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = / at (http:\/\/\S+)/.exec(stdout);
      if (match) resolvePromise({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`local KMS exited with ${code}: ${stderr}`)));
  });
}

function call(url: string, operation: string, body: unknown): Promise<KmsReply> {
  return postRaw(`${url}/v1.0/${PROJECT_ID}/kms/${operation}`, {
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-Auth-Token': TOKEN },
  });
}

interface Acked {
  keyId: string;
  alias: string;
  spec: (typeof SPECS)[number];
}

it('every create-key answered 200 before kill -9 survives the restart and works', async () => {
  const first = await startChild();
  const exited = new Promise((done) => first.child.once('exit', done));
  const acked: Acked[] = [];
  let failures = 0;
  let counter = 0;
  let killed = false;

  const worker = async () => {
    for (;;) {
      const n = counter++;
      const spec = SPECS[n % SPECS.length]!;
      const alias = `burst/${n}`;
      try {
        const reply = await call(first.url, 'create-key', { key_alias: alias, key_spec: spec });
        if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
        acked.push({ keyId: (reply.body.key_info as { key_id: string }).key_id, alias, spec });
        if (acked.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      } catch {
        // The connection died with the process: this create was never acknowledged.
        failures++;
        if (killed) return;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  await exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(failures).toBeGreaterThanOrEqual(WORKERS);

  const second = await startChild();
  try {
    const listed = await call(second.url, 'list-keys', { key_spec: 'ALL', limit: '2000' });
    const byId = new Map(
      (listed.body.key_details as { key_id: string; key_alias: string; key_spec: string }[]).map(
        (key) => [key.key_id, key],
      ),
    );
    expect(byId.get(SEEDED)?.key_alias).toBe('durable/seeded');
    for (const key of acked) {
      expect(byId.get(key.keyId), key.alias).toMatchObject({
        key_alias: key.alias,
        key_spec: key.spec,
      });
      if (key.spec === 'EC_P256') {
        const publicKey = await call(second.url, 'get-publickey', { key_id: key.keyId });
        expect(publicKey.body.public_key).toMatch(/BEGIN PUBLIC KEY/);
        continue;
      }
      const algorithm = key.spec === 'SM2' ? 'SM2_ENCRYPT' : 'SYMMETRIC_DEFAULT';
      const encrypted = await call(second.url, 'encrypt-data', {
        key_id: key.keyId,
        plain_text: key.alias,
        encryption_algorithm: algorithm,
      });
      const decrypted = await call(second.url, 'decrypt-data', {
        cipher_text: encrypted.body.cipher_text,
        ...(key.spec === 'SM2' ? { key_id: key.keyId, encryption_algorithm: algorithm } : {}),
      });
      expect(decrypted.body.plain_text, key.alias).toBe(key.alias);
    }
    // Interrupted writes leave no temporary files behind once the store has started.
    const files = await readdir(join(dir, 'data', 'keys'));
    expect(files.filter((name) => !name.endsWith('.json'))).toEqual([]);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((done) => second.child.once('exit', done));
  }
}, 60_000);
