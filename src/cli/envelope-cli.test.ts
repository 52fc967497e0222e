import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLocalKms, loadLocalKmsConfig, type LocalKms } from '../kms-local';
import { parseHeader } from '../shared/envelope';
import { promisify } from 'node:util';
import { EXIT, runEnvelopeCli } from './run';

const execFileAsync = promisify(execFile);

// The e2e seed: fixed ids and aliases on every machine.
const SEED = 'e2e/fixtures/local-kms-seed.yaml';
const AES_KEY = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const SM4_ALIAS = 'e2e/sm4';
const RSA_KEY = '1a2b3c4d-0000-4000-8000-000000000003';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let directory: string;
let dataDir: string;
let localKms: LocalKms;
let env: NodeJS.ProcessEnv;

/** Runs the CLI in this process with the test's environment, capturing what it prints. */
async function cli(argv: string[], environment: NodeJS.ProcessEnv = env) {
  let stdout = '';
  let stderr = '';
  const code = await runEnvelopeCli(
    argv,
    environment,
    { write: (text: string) => (stdout += text) },
    { write: (text: string) => (stderr += text) },
  );
  return { code, stdout, stderr };
}

const at = (name: string) => path.join(directory, name);

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'envelope-cli-'));
  dataDir = path.join(directory, 'kms-data');
  localKms = await buildLocalKms(
    loadLocalKmsConfig({ LOCAL_KMS_PORT: '0', LOCAL_KMS_DATA_DIR: dataDir, LOCAL_KMS_SEED: SEED }),
  );
  const url = new URL(await localKms.listen());
  env = { LOCAL_KMS_PORT: url.port, LOCAL_KMS_DATA_DIR: dataDir };
});

afterAll(async () => {
  await localKms.close();
  await rm(directory, { recursive: true, force: true });
});

describe('npm run envelope (against a real local KMS)', () => {
  it('encrypts by key id with a context and decrypts back to the same bytes', async () => {
    const plaintext = randomBytes(3 * 1024 * 1024 + 123);
    await writeFile(at('report.bin'), plaintext);

    const encrypted = await cli([
      'encrypt',
      '--key',
      AES_KEY,
      '--context',
      'purpose=test',
      '--context',
      'team=ops',
      '--in',
      at('report.bin'),
    ]);
    expect(encrypted.stderr).toBe('');
    expect(encrypted.code).toBe(EXIT.ok);
    const envelope = await readFile(at('report.bin.kmsenc'));
    const header = await parseHeader(envelope);
    expect(header.encryptionContext).toEqual({ purpose: 'test', team: 'ops' });
    expect(new TextDecoder().decode(header.encryptedDataKeys[0]?.providerInfo)).toBe(AES_KEY);
    expect(encrypted.stdout).toContain(`fingerprint: ${header.headerFingerprint}`);
    // The file's bytes are nowhere in the envelope: a 1 KiB window of plaintext is not found.
    expect(envelope.includes(plaintext.subarray(4096, 5120))).toBe(false);

    await rm(at('report.bin'));
    const decrypted = await cli(['decrypt', '--in', at('report.bin.kmsenc')]);
    expect(decrypted.code).toBe(EXIT.ok);
    expect(decrypted.stdout).toContain('purpose=test, team=ops');
    expect(sha256(await readFile(at('report.bin')))).toBe(sha256(plaintext));
  });

  it('resolves an alias, and refuses to overwrite unless --force', async () => {
    await writeFile(at('notes.txt'), 'some notes');
    const args = ['encrypt', '--key', SM4_ALIAS, '--in', at('notes.txt'), '--out', at('n.env')];
    expect((await cli(args)).code).toBe(EXIT.ok);
    const again = await cli(args);
    expect(again.code).toBe(EXIT.failed);
    expect(again.stderr).toContain('the output file exists');
    expect((await cli([...args, '--force'])).code).toBe(EXIT.ok);
    const out = await cli(['decrypt', '--in', at('n.env'), '--out', at('n.txt')]);
    expect(out.code).toBe(EXIT.ok);
    expect(await readFile(at('n.txt'), 'utf8')).toBe('some notes');
  });

  it('refuses a changed, a truncated and a non-envelope file, writing no output', async () => {
    await writeFile(at('data.bin'), randomBytes(2 * 1024 * 1024));
    expect((await cli(['encrypt', '--key', AES_KEY, '--in', at('data.bin')])).code).toBe(0);
    const envelope = await readFile(at('data.bin.kmsenc'));
    const flipped = Buffer.from(envelope);
    flipped[flipped.length - 3000] = (flipped[flipped.length - 3000] ?? 0) ^ 1;
    await writeFile(at('flipped.kmsenc'), flipped);
    await writeFile(at('short.kmsenc'), envelope.subarray(0, envelope.length - 100));
    await writeFile(at('other.kmsenc'), randomBytes(5000).fill(0x50, 0, 1));

    for (const [file, words] of [
      ['flipped.kmsenc', 'the file was changed (frame-changed)'],
      ['short.kmsenc', 'the file is truncated (truncated)'],
      ['other.kmsenc', 'not an envelope file (not-an-envelope)'],
    ] as const) {
      const result = await cli(['decrypt', '--in', at(file)]);
      expect(result.code, file).toBe(EXIT.failed);
      expect(result.stderr, file).toContain(words);
      expect(await readdir(directory), file).not.toContain(file.replace('.kmsenc', ''));
    }
    expect((await readdir(directory)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('says what KMS refused: an asymmetric key makes no data keys', async () => {
    await writeFile(at('rsa.txt'), 'x');
    const result = await cli(['encrypt', '--key', RSA_KEY, '--in', at('rsa.txt')]);
    expect(result.code).toBe(EXIT.failed);
    expect(result.stderr).toMatch(/data-key-unavailable.*KMS\.\d{4}/);
    expect(await readdir(directory)).not.toContain('rsa.txt.kmsenc');
  });

  it('says clearly when the local KMS is not running, and can start one on its data dir', async () => {
    await writeFile(at('offline.txt'), 'offline');
    const offline = { LOCAL_KMS_PORT: String(await closedPort()), LOCAL_KMS_DATA_DIR: dataDir };
    const refused = await cli(['encrypt', '--key', AES_KEY, '--in', at('offline.txt')], offline);
    expect(refused.code).toBe(EXIT.noKms);
    expect(refused.stderr).toMatch(/local KMS at http:\/\/127\.0\.0\.1:\d+ does not answer/);
    expect(refused.stderr).toContain('--start-local-kms');

    const started = await cli(
      ['encrypt', '--key', AES_KEY, '--in', at('offline.txt'), '--start-local-kms'],
      offline,
    );
    expect(started.stderr).toContain('Started an embedded local KMS');
    expect(started.code).toBe(EXIT.ok);
    // The embedded KMS used the same keys: the running one decrypts what it encrypted.
    const back = await cli(['decrypt', '--in', at('offline.txt.kmsenc'), '--out', at('o2.txt')]);
    expect(back.code).toBe(EXIT.ok);
    expect(await readFile(at('o2.txt'), 'utf8')).toBe('offline');
  });

  it('explains a bad command line with exit code 2', async () => {
    for (const argv of [
      ['encrypt', '--in', 'x'],
      ['decrypt', '--in', 'file.bin'],
      ['decrypt', '--in', 'a.kmsenc', '--key', AES_KEY],
      ['encrypt', '--key', AES_KEY, '--in', 'x', '--context', 'novalue'],
      ['shred'],
    ]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(EXIT.usage);
      expect(result.stderr).toContain('Usage:');
    }
    expect((await cli(['--help'])).stdout).toContain('npm run envelope -- encrypt');
  });

  it('runs as `npm run envelope` does: the bundled entry, built when missing', async () => {
    // Inside the repository: the bundle finds its dependencies in node_modules from there.
    const cache = path.resolve('node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const bundleDir = await mkdtemp(path.join(cache, 'envelope-bundle-test-'));
    try {
      const { stdout } = await execFileAsync(
        process.execPath,
        [path.resolve('scripts/envelope.mjs'), '--help'],
        { env: { ...process.env, KMS_CONSOLE_CLI_BUNDLE_DIR: bundleDir } },
      );
      expect(stdout).toContain('npm run envelope -- encrypt');
      expect(await readdir(bundleDir)).toEqual(['envelope-cli.mjs']);
    } finally {
      await rm(bundleDir, { recursive: true, force: true });
    }
  });
});
