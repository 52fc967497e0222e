/**
 * `npm run dev`: the console server (with the local KMS) restarted on change, and Vite's dev
 * server with hot reload proxying /api to it. Open the Vite URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';

// Vite's proxy forwards the browser's Host (its own port, 5173): the console answers it only
// as one of its allowed origins (DNS-rebinding guard, docs/deployment.md).
const DEV_ORIGINS = 'http://127.0.0.1:5173,http://localhost:5173';

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'src/main.ts'], {
    stdio: 'inherit',
    env: { CONSOLE_ALLOWED_ORIGINS: DEV_ORIGINS, ...process.env },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];

function stopAll(): void {
  for (const child of children) child.kill('SIGTERM');
}

for (const child of children) {
  child.on('exit', (code) => {
    stopAll();
    process.exitCode = code ?? 0;
  });
}
process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);
