/**
 * `npm run dev`: the console server (with the local KMS) restarted on change, and Vite's dev
 * server with hot reload proxying /api to it. Open the Vite URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'src/main.ts'], { stdio: 'inherit' }),
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
