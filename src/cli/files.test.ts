import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeError, parseHeader, rawAesKeyring, type Keyring } from '../shared/envelope';
import { decryptFile as decryptJob, encryptFile as encryptJob } from './files';

const keyring: Keyring = rawAesKeyring({
  keyNamespace: 'node-test',
  keyName: 'file-key',
  wrappingKey: randomBytes(32),
});
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const encryptFile = (
  inPath: string,
  outPath: string,
  withKeyring: Keyring,
  options: { encryptionContext?: Record<string, string>; overwrite?: boolean } = {},
) =>
  encryptJob(
    { inPath, outPath, keyring: withKeyring, overwrite: options.overwrite ?? false },
    options.encryptionContext ?? {},
  );
const decryptFile = (inPath: string, outPath: string, withKeyring: Keyring) =>
  decryptJob({ inPath, outPath, keyring: withKeyring, overwrite: false });

describe('encryptFile / decryptFile', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'envelope-files-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });
  const at = (name: string) => path.join(directory, name);

  it('round-trips a 20 MiB file', async () => {
    const plaintext = randomBytes(20 * 1024 * 1024 + 7);
    await writeFile(at('plain.bin'), plaintext);
    const written = await encryptFile(at('plain.bin'), at('plain.bin.kmsenv'), keyring, {
      encryptionContext: { file: 'plain.bin' },
    });
    const envelope = await readFile(at('plain.bin.kmsenv'));
    expect(envelope.length).toBeGreaterThan(plaintext.length);
    expect((await parseHeader(envelope)).headerFingerprint).toBe(written.headerFingerprint);
    expect((await stat(at('plain.bin.kmsenv'))).mode & 0o777).toBe(0o600);

    const read = await decryptFile(at('plain.bin.kmsenv'), at('decrypted.bin'), keyring);
    expect(read.encryptionContext).toEqual({ file: 'plain.bin' });
    expect(sha256(await readFile(at('decrypted.bin')))).toBe(sha256(plaintext));
    expect((await readdir(directory)).sort()).toEqual(
      ['decrypted.bin', 'plain.bin', 'plain.bin.kmsenv'].sort(),
    );
  });

  it('leaves no output and no partial file when a late frame was changed', async () => {
    const plaintext = randomBytes(5 * 1024 * 1024);
    await writeFile(at('plain.bin'), plaintext);
    await encryptFile(at('plain.bin'), at('env'), keyring);
    const envelope = await readFile(at('env'));
    envelope[envelope.length - 1000] = (envelope[envelope.length - 1000] ?? 0) ^ 0x40;
    await writeFile(at('env'), envelope);

    const failure = decryptFile(at('env'), at('out.bin'), keyring);
    await expect(failure).rejects.toBeInstanceOf(EnvelopeError);
    await expect(failure).rejects.toMatchObject({ kind: 'frame-changed' });
    expect((await readdir(directory)).sort()).toEqual(['env', 'plain.bin']);
  });

  it('leaves no output for a truncated envelope', async () => {
    await writeFile(at('plain.bin'), randomBytes(300_000));
    await encryptFile(at('plain.bin'), at('env'), keyring);
    const envelope = await readFile(at('env'));
    await writeFile(at('env'), envelope.subarray(0, envelope.length - 50));
    await expect(decryptFile(at('env'), at('out.bin'), keyring)).rejects.toMatchObject({
      kind: 'truncated',
    });
    expect((await readdir(directory)).sort()).toEqual(['env', 'plain.bin']);
  });

  it('creates no file when the keyring refuses to give a data key', async () => {
    await writeFile(at('plain.bin'), 'secret');
    const refusing: Keyring = {
      onEncrypt: () => Promise.reject(new Error('KMS.0209 disabled')),
      onDecrypt: () => Promise.reject(new Error('unused')),
    };
    await expect(encryptFile(at('plain.bin'), at('env'), refusing)).rejects.toMatchObject({
      kind: 'data-key-unavailable',
    });
    expect(await readdir(directory)).toEqual(['plain.bin']);
  });

  it('does not replace an existing output unless asked to', async () => {
    await writeFile(at('plain.bin'), 'new secret');
    await writeFile(at('env'), 'keep me');
    await expect(encryptFile(at('plain.bin'), at('env'), keyring)).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(at('env'), 'utf8')).toBe('keep me');
    expect((await readdir(directory)).sort()).toEqual(['env', 'plain.bin']);

    await encryptFile(at('plain.bin'), at('env'), keyring, { overwrite: true });
    await decryptFile(at('env'), at('out'), keyring);
    expect(await readFile(at('out'), 'utf8')).toBe('new secret');
  });

  it('fails cleanly when the input file is missing', async () => {
    await expect(encryptFile(at('missing'), at('env'), keyring)).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(directory)).toEqual([]);
  });
});
