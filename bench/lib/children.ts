/**
 * Servers under test run in child processes, so the load generator never shares their event
 * loop. A child is a TypeScript entry point in bench/servers, run by node with tsx's loader
 * (so node's own flags such as --cpu-prof apply to the server itself); it announces its URL
 * over the IPC channel once it listens and exits cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface ServerChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ReadyMessage {
  type: 'ready';
  url: string;
}

const READY_TIMEOUT_MS = 60_000;

export const SERVERS_DIR = path.resolve(import.meta.dirname, '..', 'servers');

function isReadyMessage(message: unknown): message is ReadyMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'ready' &&
    typeof (message as { url?: unknown }).url === 'string'
  );
}

export interface StartChildOptions {
  /** File name in bench/servers, e.g. `local-kms.ts`. */
  entry: string;
  env: Record<string, string>;
  /** When set, the child runs under --cpu-prof and writes its profile here on exit. */
  cpuProfDir?: string;
  /** Name of the profile file (without directory); required with cpuProfDir. */
  cpuProfName?: string;
}

/**
 * tsx's loader runs in a worker thread that --cpu-prof profiles too, and a fixed
 * --cpu-prof-name would let the two overwrite each other. So each child writes into its own
 * directory under Node's default names (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile),
 * and the main thread's profile (thread 0) is moved to the requested name once it exits.
 */
async function collectMainThreadProfile(
  scratchDir: string,
  pid: number,
  target: string,
): Promise<void> {
  const files = await readdir(scratchDir);
  const main = files.find((file) => file.includes(`.${pid}.0.`) && file.endsWith('.cpuprofile'));
  if (!main) throw new Error(`no main-thread profile of process ${pid} in ${scratchDir}`);
  await rename(path.join(scratchDir, main), target);
  await rm(scratchDir, { recursive: true, force: true });
}

// A developer's shell may point the console at the cloud; a benchmark never inherits that.
const CONFIG_PREFIXES = ['CONSOLE_', 'KMS_', 'LOCAL_KMS_', 'HUAWEICLOUD_'];

function childEnv(own: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !CONFIG_PREFIXES.some((prefix) => name.startsWith(prefix)),
    ),
  );
  return { ...inherited, ...own };
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerChild(options: StartChildOptions): Promise<ServerChild> {
  const nodeArgs = ['--import', 'tsx'];
  let scratchDir: string | undefined;
  if (options.cpuProfDir) {
    scratchDir = path.join(options.cpuProfDir, `.${options.cpuProfName ?? 'child'}.tmp`);
    await mkdir(scratchDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${scratchDir}`);
  }
  const child = spawn(process.execPath, [...nodeArgs, path.join(SERVERS_DIR, options.entry)], {
    env: childEnv(options.env),
    // stdout is the server's log: written, as in production, but not read here.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.entry} did not start within ${READY_TIMEOUT_MS} ms\n${stderr}`));
    }, READY_TIMEOUT_MS);
    child.on('message', (message) => {
      if (!isReadyMessage(message)) return;
      clearTimeout(timer);
      resolve(message.url);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.entry} exited (${signal ?? code}) before it was ready\n${stderr}`),
      );
    });
  });

  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = waitForExit(child);
      child.kill('SIGTERM');
      // A server that does not close within a few seconds is killed: the run must go on.
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      if (scratchDir) {
        await collectMainThreadProfile(
          scratchDir,
          child.pid!,
          path.join(options.cpuProfDir!, options.cpuProfName ?? `${child.pid}.cpuprofile`),
        );
      }
    },
  };
}

/** Called by an entry point in bench/servers once it listens. */
export function announceReady(url: string, stop: () => Promise<void>): void {
  const shutdown = () => {
    stop().then(
      // process.exit (not a signal) lets --cpu-prof write its profile.
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // The parent died without stopping us: do not linger.
  process.once('disconnect', shutdown);
  const message: ReadyMessage = { type: 'ready', url };
  process.send?.(message);
}
