/**
 * The local KMS will not listen off loopback with the published dev credentials (issue 10,
 * item 3): started alone (`npm run kms:local`) or embedded (`npm start`), with
 * LOCAL_KMS_HOST=0.0.0.0 and any of token / AK / SK left at its default, the process exits 1
 * naming the variables to set, before it listens.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from './helpers';

const TSX = path.resolve('node_modules/.bin/tsx');
const STANDALONE = 'src/kms-local/main.ts';
const EMBEDDED = 'src/main.ts';
const CREDENTIAL_VARIABLES = ['LOCAL_KMS_TOKEN', 'LOCAL_KMS_AK', 'LOCAL_KMS_SK'];

interface Outcome {
  /** The exit code, or 'listening' when the process started serving (and was stopped). */
  exit: number | 'listening';
  stdout: string;
  stderr: string;
}

let dataDir: string;
let runs = 0;

beforeAll(async () => {
  dataDir = await tempDir('local-kms-open-bind-');
});

afterAll(async () => {
  await removeDir(dataDir);
});

/** Runs an entry point with `env` until it exits, or until it prints that it listens. */
function run(entry: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [entry], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOCAL_KMS_PORT: '0',
        LOCAL_KMS_DATA_DIR: path.join(dataDir, String((runs += 1))),
        CONSOLE_PORT: '0',
        CONSOLE_LOG_LEVEL: 'silent',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let listening = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/Local KMS .* at http/.test(stdout) && !listening) {
        listening = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      resolve({ exit: listening ? 'listening' : (code ?? -1), stdout, stderr }),
    );
  });
}

describe.each([
  ['npm run kms:local', STANDALONE],
  ['npm start', EMBEDDED],
])('%s with LOCAL_KMS_HOST=0.0.0.0', (_name, entry) => {
  it('exits 1 naming all three variables while all are the defaults', async () => {
    const outcome = await run(entry, { LOCAL_KMS_HOST: '0.0.0.0' });
    expect(outcome.exit).toBe(1);
    for (const variable of CREDENTIAL_VARIABLES) expect(outcome.stderr).toContain(variable);
    expect(outcome.stderr).toContain('LOCAL_KMS_HOST');
    expect(outcome.stdout).not.toMatch(/Local KMS .* at http/);
  }, 30_000);

  it('names only the variables still at their default', async () => {
    const outcome = await run(entry, {
      LOCAL_KMS_HOST: '0.0.0.0',
      LOCAL_KMS_TOKEN: 'a-token-of-our-own-0123456789',
      LOCAL_KMS_SK: 'a-secret-key-of-our-own-0123456789',
    });
    expect(outcome.exit).toBe(1);
    expect(outcome.stderr).toContain('LOCAL_KMS_AK');
    expect(outcome.stderr).not.toContain('LOCAL_KMS_TOKEN');
    expect(outcome.stderr).not.toContain('LOCAL_KMS_SK');
  }, 30_000);
});

describe('npm run kms:local with its own credentials', () => {
  it('listens off loopback once token, AK and SK are all set', async () => {
    const outcome = await run(STANDALONE, {
      LOCAL_KMS_HOST: '0.0.0.0',
      LOCAL_KMS_TOKEN: 'a-token-of-our-own-0123456789',
      LOCAL_KMS_AK: 'OURACCESSKEY',
      LOCAL_KMS_SK: 'a-secret-key-of-our-own-0123456789',
    });
    expect({ exit: outcome.exit, stderr: outcome.stderr }).toEqual({
      exit: 'listening',
      stderr: '',
    });
  }, 90_000); // seeding the demo keys (RSA 4096 among them) takes a while on a busy machine
});
