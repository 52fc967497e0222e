/**
 * PGlite is one process's database: a second console opening the same directory would
 * corrupt it. The first writes its pid to a lock file; a later one refuses to start while
 * that process lives, and takes over a lock left by a process that died (kill -9).
 */
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LOCK_FILE = 'console.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "in use".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory for this process; the returned function gives it back. */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number((await readFile(file, 'utf8')).trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      throw new Error(
        `The history store in ${dataDir} is in use by process ${holder}. The embedded store ` +
          'serves one console process; set DATABASE_URL to share a PostgreSQL store.',
        { cause: error },
      );
    }
    await writeFile(file, String(process.pid));
  }
  return () => rm(file, { force: true });
}
