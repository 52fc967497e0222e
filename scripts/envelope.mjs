// `npm run envelope`: the command line, bundled into one file the first time (and again after
// any source file changed), then run by plain Node. Loading its ~130 modules through tsx's
// on-the-fly transform took ~0.8 s of every run; the bundle loads in ~0.1 s. esbuild is the
// compiler tsx itself runs on. Dependencies stay outside the bundle, resolved from node_modules.
import { build } from 'esbuild';
import { readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// Tests point this elsewhere to build a bundle of their own.
const bundleDir =
  process.env.KMS_CONSOLE_CLI_BUNDLE_DIR ??
  path.join(root, 'node_modules', '.cache', 'kms-console');
const bundle = path.join(bundleDir, 'envelope-cli.mjs');

/** The newest modification time under `dir`: a source edited after the bundle rebuilds it. */
function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestIn(full) : statSync(full).mtimeMs;
    newest = Math.max(newest, time);
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(bundle).mtimeMs;
  } catch {
    return 0;
  }
}

const inputsChangedAt = Math.max(
  newestIn(path.join(root, 'src')),
  statSync(path.join(root, 'package-lock.json')).mtimeMs,
);
if (builtAt() < inputsChangedAt) {
  // Built aside and moved into place: a run starting meanwhile never reads half a file.
  const building = `${bundle}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, 'src', 'cli', 'envelope.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: building,
    logLevel: 'warning',
  });
  renameSync(building, bundle);
}
await import(pathToFileURL(bundle).href);
