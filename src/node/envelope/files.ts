import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  openEnvelope,
  prepareEncryption,
  type DecryptOptions,
  type EncryptOptions,
  type EnvelopeHeaderInfo,
  type Keyring,
} from '../../shared/envelope';

export interface FileOptions {
  /** Replace an existing output file; by default an existing file is an EEXIST error. */
  readonly overwrite?: boolean;
  readonly signal?: AbortSignal;
}

/**
 * Writes through a temporary file beside the target and moves it into place only after the
 * whole stream succeeded and reached the disk, so a failed decryption leaves no partial
 * plaintext behind and a crash never leaves a half-written output under the final name.
 */
async function writeAtomically(
  outPath: string,
  options: FileOptions,
  write: (temporaryPath: string) => Promise<void>,
): Promise<void> {
  const directory = path.dirname(outPath);
  const temporaryPath = path.join(
    directory,
    `.${path.basename(outPath)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    await write(temporaryPath);
    const handle = await open(temporaryPath, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temporaryPath, outPath);
    } else {
      // link() refuses an existing target atomically, unlike an exists-check then rename().
      await link(temporaryPath, outPath);
      await rm(temporaryPath);
    }
  } finally {
    await rm(temporaryPath, { force: true });
  }
}

// Reads of a frame's size, and room for a few frames on the way to disk: with Node's defaults
// (64 KiB reads, 16 KiB of write buffer) every 1 MiB frame waited for its write to drain
// before the next read began.
const READ_CHUNK_BYTES = 1024 * 1024;
const WRITE_BUFFER_BYTES = 4 * 1024 * 1024;

function inputStream(inPath: string) {
  return createReadStream(inPath, { highWaterMark: READ_CHUNK_BYTES });
}

function outputStream(temporaryPath: string) {
  // 0600: the output may be plaintext; nobody else on the machine needs to read it.
  return createWriteStream(temporaryPath, {
    flags: 'wx',
    mode: 0o600,
    highWaterMark: WRITE_BUFFER_BYTES,
  });
}

/** Encrypts a file of any size in constant memory (two frames plus the read and write buffers). */
export async function encryptFile(
  inPath: string,
  outPath: string,
  keyring: Keyring,
  options: EncryptOptions & FileOptions = {},
): Promise<EnvelopeHeaderInfo> {
  // The data key comes first: a KMS refusal must not leave any file behind.
  const prepared = await prepareEncryption(keyring, options);
  await writeAtomically(outPath, options, (temporaryPath) =>
    pipeline(
      inputStream(inPath),
      async function* (source: AsyncIterable<Uint8Array>) {
        yield prepared.header;
        yield* prepared.frames(source);
      },
      outputStream(temporaryPath),
      ...(options.signal ? [{ signal: options.signal }] : []),
    ),
  );
  return prepared.headerInfo;
}

/**
 * Decrypts an envelope file. The output appears under `outPath` only if every frame verified
 * and the envelope ended exactly after its final frame.
 */
export async function decryptFile(
  inPath: string,
  outPath: string,
  keyring: Keyring,
  options: DecryptOptions & FileOptions = {},
): Promise<EnvelopeHeaderInfo> {
  let header: EnvelopeHeaderInfo | undefined;
  await writeAtomically(outPath, options, (temporaryPath) =>
    pipeline(
      inputStream(inPath),
      async function* (source: AsyncIterable<Uint8Array>) {
        const opened = await openEnvelope(source, keyring, options);
        header = opened.header;
        yield* opened.plaintext;
      },
      outputStream(temporaryPath),
      ...(options.signal ? [{ signal: options.signal }] : []),
    ),
  );
  if (!header) throw new Error('decryptFile finished without a verified header.');
  return header;
}
