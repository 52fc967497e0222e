/**
 * A throwaway PostgreSQL server for tests and benchmarks: Debian's PostgreSQL 15 binaries,
 * a cluster in a temporary directory, a free port on loopback. Nothing is skipped when the
 * binaries are missing: starting fails with a message that says what to install.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const SERVER_USER = 'postgres';

export interface PostgresServerOptions {
  /** Off by default: tests want speed, not durability across a power cut. */
  fsync?: boolean;
  /** More `-c name=value` server settings, e.g. memory for a bulk index build. */
  settings?: Readonly<Record<string, string>>;
}

export interface PostgresServer {
  readonly port: number;
  /** A new, empty database; returns its connection URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await run('id', [flag, SERVER_USER]);
  return Number(stdout.trim());
}

/** initdb and the server refuse to run as root, so as root they run as the postgres user. */
function asServerUser(binary: string, args: string[]): [string, string[]] {
  const file = path.join(POSTGRES_BIN, binary);
  return process.getuid?.() === 0
    ? ['runuser', ['-u', SERVER_USER, '--', file, ...args]]
    : [file, args];
}

async function runAsServer(binary: string, args: string[]): Promise<string> {
  const [file, fullArgs] = asServerUser(binary, args);
  try {
    const { stdout } = await run(file, fullArgs, { timeout: 120_000 });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`${binary} ${args.join(' ')} failed: ${stderr || String(error)}`, {
      cause: error,
    });
  }
}

export async function startPostgres(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  if (!existsSync(path.join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(
      `PostgreSQL server binaries not found in ${POSTGRES_BIN}. Install Debian's "postgresql" ` +
        'package (version 15; .ci/run does), or point POSTGRES_BIN at a bin directory.',
    );
  }
  const root = await mkdtemp(path.join(tmpdir(), 'kms-history-pg-'));
  if (process.getuid?.() === 0) await chown(root, await idOf('-u'), await idOf('-g'));
  const dataDir = path.join(root, 'data');
  const logFile = path.join(root, 'server.log');
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${root}`,
    '-c listen_addresses=127.0.0.1',
    `-c fsync=${options.fsync === true ? 'on' : 'off'}`,
    '-c max_connections=200',
    ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');

  await runAsServer('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C',
    ...(options.fsync === true ? [] : ['--no-sync']),
  ]);

  const server: PostgresServer = {
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name ${name}`);
      await run(path.join(POSTGRES_BIN, 'psql'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `CREATE DATABASE ${name}`,
      ]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async start() {
      await runAsServer('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', settings, '-w', 'start']);
    },
    async stop() {
      await runAsServer('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    async destroy() {
      // A test may already have stopped it; either way the directory goes.
      await server.stop().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
