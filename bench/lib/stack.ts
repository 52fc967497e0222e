/**
 * The servers of the product, started as children for a benchmark: a local KMS on a free
 * port with a temp data dir and the bench seed, and a console server in front of it.
 */
import path from 'node:path';
import { startServerChild, type ServerChild } from './children';
import { localKmsEnv, makeTempDir } from './fixtures';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');

export interface ProfileOption {
  /** Directory for .cpuprofile files; the child is profiled when set. */
  cpuProfDir?: string | undefined;
  cpuProfName?: string;
}

function profiling(options: ProfileOption): { cpuProfDir?: string; cpuProfName?: string } {
  if (!options.cpuProfDir) return {};
  return {
    cpuProfDir: path.resolve(options.cpuProfDir),
    ...(options.cpuProfName && { cpuProfName: options.cpuProfName }),
  };
}

export interface LocalKmsChild extends ServerChild {
  port: number;
}

export async function startLocalKms(options: ProfileOption = {}): Promise<LocalKmsChild> {
  const dataDir = await makeTempDir('kms');
  try {
    const child = await startServerChild({
      entry: 'local-kms.ts',
      env: localKmsEnv(dataDir.path),
      ...profiling(options),
    });
    return {
      ...child,
      port: Number(new URL(child.url).port),
      async stop() {
        await child.stop();
        await dataDir.remove();
      },
    };
  } catch (error) {
    await dataDir.remove();
    throw error;
  }
}

export interface ConsoleOptions extends ProfileOption {
  /** How the console authenticates to the local KMS: its default (AK/SK) or the token. */
  upstreamAuth: 'aksk' | 'token';
  /** Extra CONSOLE_* variables. */
  env?: Record<string, string>;
}

export function startConsole(kms: LocalKmsChild, options: ConsoleOptions): Promise<ServerChild> {
  return startServerChild({
    entry: 'console.ts',
    env: {
      CONSOLE_HOST: '127.0.0.1',
      CONSOLE_PORT: '0',
      CONSOLE_STATIC_DIR: DIST_DIR,
      LOCAL_KMS_HOST: '127.0.0.1',
      LOCAL_KMS_PORT: String(kms.port),
      ...(options.upstreamAuth === 'token' && { KMS_AUTH_MODE: 'token' }),
      ...options.env,
    },
    ...profiling(options),
  });
}
