#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh clone: installs the npm packages when they
// are missing, builds the browser app when dist/ is missing or older than its sources, and
// (with --browser) installs Debian's Chromium for Playwright when it is absent.
// Only Node built-ins here: this runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));

function run(command, commandArgs) {
  console.log(`> ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target))
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function ensurePackages() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(lock).mtimeMs > statSync(marker).mtimeMs) {
    run('npm', ['ci']);
  }
}

function ensureBuild() {
  const builtAt = newestMtime(path.join(root, 'dist', 'index.html'));
  const sources = [
    'index.html',
    'public',
    'src/app',
    'src/features',
    'src/components',
    'src/lib',
    'src/shared',
    'vite.config.ts',
  ];
  const sourcesAt = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
  if (builtAt === 0 || sourcesAt > builtAt) run('npm', ['run', 'build']);
}

function aptGet(aptArgs) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const [command, ...commandArgs] = isRoot
    ? ['apt-get', ...aptArgs]
    : ['sudo', 'apt-get', ...aptArgs];
  return (
    spawnSync(command, commandArgs, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

/** Installs a Debian package when the file it provides is missing (a fresh CI machine). */
function ensureDebianPackage(name, providedPath) {
  if (existsSync(providedPath)) return;
  console.log(`${providedPath} not found; installing Debian's ${name} package.`);
  // A fresh machine may have no package lists yet: update once and retry.
  const installed =
    aptGet(['install', '-y', '-q', name]) ||
    (aptGet(['update', '-q']) && aptGet(['install', '-y', '-q', name]));
  if (!installed || !existsSync(providedPath)) {
    console.error(`Could not install ${providedPath}: run "apt-get install ${name}" as root.`);
    process.exit(1);
  }
}

ensurePackages();
if (args.has('--build')) ensureBuild();
if (args.has('--browser')) {
  ensureDebianPackage('chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
}
// The team-history integration tests start a real PostgreSQL server of their own.
if (args.has('--postgres')) ensureDebianPackage('postgresql', '/usr/lib/postgresql/15/bin/initdb');
