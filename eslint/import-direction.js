// Enforces the dependency rule of DESIGN.md: app → features → shared; server → shared;
// kms-local → shared; features talk to each other only through a feature's index.ts.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function areaOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, second] = relative.split(path.sep);
  if (top === 'features') return { area: 'features', feature: second };
  return { area: top.replace(/\.tsx?$/, ''), feature: undefined };
}

const ALLOWED = {
  shared: ['shared'],
  features: ['features', 'shared'],
  app: ['app', 'features', 'shared'],
  server: ['server', 'shared'],
  'kms-local': ['kms-local', 'shared'],
};

function isFeaturePublicEntry(target, feature) {
  const base = path.join(SRC, 'features', feature);
  return (
    target === base || target === path.join(base, 'index') || target === path.join(base, 'index.ts')
  );
}

export const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the architecture: app → features → shared.' },
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
      if (!ALLOWED[from.area].includes(to.area)) {
        context.report({ node, message: `src/${from.area} must not import src/${to.area}.` });
        return;
      }
      if (
        to.area === 'features' &&
        to.feature !== from.feature &&
        !isFeaturePublicEntry(target, to.feature)
      ) {
        context.report({
          node,
          message: `Import feature "${to.feature}" through its index.ts, not its internals.`,
        });
      }
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
