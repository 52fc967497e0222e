/**
 * Durable file operations: a write is acknowledged only once the data and the directory entry
 * are on disk, so `kill -9` (or a power cut) at any moment leaves either the old file or the
 * new one, never a torn one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const TEMP_MARKER = '.tmp-';

export async function fsyncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Write to a temporary sibling, fsync it, rename it over the target, fsync the directory. */
export async function writeFileDurably(
  path: string,
  data: string | Buffer,
  mode = 0o600,
): Promise<void> {
  const directory = dirname(path);
  const temporary = join(
    directory,
    `${basename(path)}${TEMP_MARKER}${randomBytes(6).toString('hex')}`,
  );
  const handle = await open(temporary, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
  await fsyncDirectory(directory);
}

export async function removeFileDurably(path: string): Promise<void> {
  await unlink(path);
  await fsyncDirectory(dirname(path));
}
