// Enforces the dependency rule of DESIGN.md. In the browser: app → features → components →
// lib → shared, each layer importing only itself and the layers to its right; features reach
// one another only through a feature's index.ts, and only along the edges FEATURE_EDGES lists.
// The Node side: server → node → shared, kms-local → node → shared, cli → node → shared; the
// composition root src/main.ts may import both server factories. The command line (src/cli)
// may also start an embedded local KMS, and reach KMS the way the console does: through the
// console's configuration and upstream client (src/server/config, src/server/upstream) only. Browser code never imports
// server, kms-local or node. Test helpers (*.test-support.ts) are imported by tests only.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** Which areas each area may import (itself included). An area not listed is not checked. */
export const ALLOWED = {
  shared: ['shared'],
  lib: ['lib', 'shared'],
  components: ['components', 'lib', 'shared'],
  features: ['features', 'components', 'lib', 'shared'],
  app: ['app', 'features', 'components', 'lib', 'shared'],
  node: ['node', 'shared'],
  server: ['server', 'node', 'shared'],
  'kms-local': ['kms-local', 'node', 'shared'],
  cli: ['cli', 'kms-local', 'node', 'shared'],
  main: ['main', 'server', 'kms-local', 'node', 'shared'],
};

/**
 * The only feature → feature imports there are, each through the target's index.ts. A new edge
 * is a design decision: add it here, where a reviewer sees it.
 */
export const FEATURE_EDGES = {
  encrypt: ['keys', 'files'],
  decrypt: ['keys', 'files'],
  // The file mode: the key form kit, and the history that records file encryptions.
  files: ['keys', 'history'],
};

function areaOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, second] = relative.split(path.sep);
  if (top === 'features') return { area: 'features', feature: second };
  return { area: top.replace(/\.tsx?$/, ''), feature: undefined };
}

function isFeaturePublicEntry(target, feature) {
  const base = path.join(SRC, 'features', feature);
  return (
    target === base || target === path.join(base, 'index') || target === path.join(base, 'index.ts')
  );
}

/** The parts of src/server the command line may use: how the console reaches KMS, not its app. */
const CLI_SERVER_PARTS = ['config', 'upstream'].map((part) => path.join(SRC, 'server', part));

function isCliServerPart(target) {
  return CLI_SERVER_PARTS.some(
    (part) => target === part || target.startsWith(`${part}${path.sep}`),
  );
}

const TEST_FILE = /\.test\.tsx?$|\.test-support\.tsx?$/;

/** Why `from` may not import `target` (in area `to`), or undefined when it may. */
function violation(from, to, target, filename) {
  if (/\.test-support$/.test(target.replace(/\.tsx?$/, '')) && !TEST_FILE.test(filename)) {
    return 'Test helpers (*.test-support.ts) are for tests only, not production code.';
  }
  if (from.area === 'cli' && to.area === 'server' && isCliServerPart(target)) return undefined;
  if (!ALLOWED[from.area].includes(to.area)) {
    return `src/${from.area} must not import src/${to.area}.`;
  }
  if (from.area !== 'features' || to.area !== 'features' || to.feature === from.feature) {
    return undefined;
  }
  if (!(FEATURE_EDGES[from.feature] ?? []).includes(to.feature)) {
    return `Feature "${from.feature}" must not import feature "${to.feature}": share through src/components or src/lib, or list the edge in eslint/import-direction.js.`;
  }
  if (!isFeaturePublicEntry(target, to.feature)) {
    return `Import feature "${to.feature}" through its index.ts, not its internals.`;
  }
  return undefined;
}

export const importDirection = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports follow the architecture: app → features → components → lib → shared.',
    },
    schema: [],
  },
  create(context) {
    const from = areaOf(context.filename);
    if (!from || !ALLOWED[from.area]) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      const to = areaOf(target);
      if (!to) return;
      const message = violation(from, to, target, context.filename);
      if (message) context.report({ node, message });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
