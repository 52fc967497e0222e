import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ByteReader } from '../shared/envelope/byte-reader';

const MiB = 1024 * 1024;
/**
 * A frame per read and per write, two of each on their way: enough to keep libuv's threads
 * busy beside the cipher, and little enough that every Buffer dies young (what is still alive
 * after a few scavenges would wait for a full collection, and there are 2 GiB of them).
 */
const READ_BYTES = MiB;
const WRITE_BATCH_BYTES = MiB;
const WRITES_IN_FLIGHT = 2;
/**
 * How much may wait in the page cache before a datasync is started in the background. Without
 * it the kernel only writes back when asked (here: after 30 s, or at the final fsync), and the
 * whole output would reach the disk after the last frame instead of while frames are made.
 */
const SYNC_EVERY_BYTES = 64 * MiB;

/** Positional reads of the size asked for: frame-aligned and never copied afterwards. */
export function fileReader(handle: FileHandle): ByteReader {
  let position = 0;
  return {
    preferredReadSize: READ_BYTES,
    async read(size) {
      const start = position;
      position += size;
      const buffer = Buffer.allocUnsafeSlow(size);
      let filled = 0;
      while (filled < size) {
        const { bytesRead } = await handle.read(buffer, filled, size - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === size ? buffer : buffer.subarray(0, filled);
    },
  };
}

export interface AtomicOutput {
  write(chunk: Uint8Array): Promise<void>;
  /** Everything on disk (fsync), then moved under the final name. */
  commit(): Promise<void>;
  /** Removes the temporary file: nothing of a failed job stays behind. */
  discard(): Promise<void>;
}

function alreadyExists(outPath: string): Error {
  return Object.assign(new Error(`${outPath} exists.`), { code: 'EEXIST', path: outPath });
}

/**
 * Writes to a temporary file beside the target (0600: the output may be plaintext) and moves
 * it into place only once all of it is on disk, so a failed decryption leaves no partial
 * plaintext and a crash never leaves a half-written file under the final name.
 */
export async function openAtomicOutput(outPath: string, overwrite: boolean): Promise<AtomicOutput> {
  if (
    !overwrite &&
    (await access(outPath, constants.F_OK).then(
      () => true,
      () => false,
    ))
  ) {
    throw alreadyExists(outPath);
  }
  const temporaryPath = path.join(
    path.dirname(outPath),
    `.${path.basename(outPath)}.${randomBytes(6).toString('hex')}.partial`,
  );
  const handle = await open(temporaryPath, 'wx', 0o600);
  let batch: Uint8Array[] = [];
  let batchBytes = 0;
  let position = 0;
  const writes: Promise<unknown>[] = [];
  let syncedUpTo = 0;
  let syncing: Promise<unknown> | undefined;

  const flush = async () => {
    if (batchBytes === 0) return;
    const write = handle.writev(batch, position);
    write.catch(() => undefined);
    writes.push(write);
    position += batchBytes;
    batch = [];
    batchBytes = 0;
    if (writes.length >= WRITES_IN_FLIGHT) await writes.shift();
    if (!syncing && position - syncedUpTo >= SYNC_EVERY_BYTES) {
      syncedUpTo = position;
      const sync = handle.datasync().finally(() => (syncing = undefined));
      sync.catch(() => undefined);
      syncing = sync;
    }
  };
  const settle = async () => {
    await flush();
    await Promise.all([...writes.splice(0), syncing]);
  };

  return {
    async write(chunk) {
      batch.push(chunk);
      batchBytes += chunk.length;
      if (batchBytes >= WRITE_BATCH_BYTES) await flush();
    },
    async commit() {
      try {
        await settle();
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        if (overwrite) {
          await rename(temporaryPath, outPath);
        } else {
          // link() refuses an existing target atomically, unlike an exists-check then rename().
          await link(temporaryPath, outPath);
        }
      } finally {
        await rm(temporaryPath, { force: true });
      }
    },
    async discard() {
      await Promise.allSettled([...writes.splice(0), syncing]);
      await handle.close().catch(() => undefined);
      await rm(temporaryPath, { force: true });
    },
  };
}
