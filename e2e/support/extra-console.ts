import { spawn, type ChildProcess } from 'node:child_process';

/** Beside the suite's console and local KMS (playwright.config.ts), which this one talks to. */
export const SUITE_CONSOLE_PORT = Number(process.env.E2E_CONSOLE_PORT ?? 18080);
export const SUITE_LOCAL_KMS_PORT = Number(process.env.E2E_LOCAL_KMS_PORT ?? 18090);

export interface ExtraConsole {
  baseUrl: string;
  stop(): void;
}

/**
 * Starts another console on `port` with `env` on top of this process's, and waits until it
 * answers /healthz (a minute at most).
 */
export async function startExtraConsole(
  port: number,
  env: Record<string, string>,
): Promise<ExtraConsole> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn('node_modules/.bin/tsx', ['src/main.ts'], {
    env: { ...process.env, CONSOLE_PORT: String(port), ...env },
    stdio: 'ignore',
    detached: true,
  });
  // The whole process group: tsx runs the server in a child process.
  const stop = () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  };
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return { baseUrl, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`The extra console did not start on ${baseUrl}.`);
}
