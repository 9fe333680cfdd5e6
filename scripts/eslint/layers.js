/**
 * The layers of DESIGN.md as an allow-list, checked on every import (the way VS Code's
 * import-pattern rule works): a file may import only what its layer lists. A folder no layer
 * names cannot import anything until it is given its place here.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * Packages a test file may use on top of its layer's: tests run under Node in Vitest, check
 * the JSON Schema with ajv and stand in for electron-store with conf (the library it wraps).
 */
const TEST_EXTRAS = { packages: ['vitest', 'node:*', 'ajv', 'conf'] };

/**
 * Each layer: which files it covers (repo-relative prefixes or exact files), which of our
 * folders it may import, and which packages. First match wins, so exceptions come first.
 */
export const LAYERS = [
  {
    name: 'common',
    files: ['common/'],
    internal: ['common/'],
    packages: ['zod', 'libphonenumber-js'],
  },
  {
    // The shell's port is what the Electron-free composition (main/app.ts) uses from the shell.
    name: 'main (shell port)',
    files: ['main/shell/ShellPort.ts'],
    internal: ['common/', 'main/desktop/'],
    packages: [],
  },
  {
    name: 'main (Electron shell)',
    files: ['main/shell/', 'main/index.ts'],
    internal: ['common/', 'main/'],
    packages: [
      'node:*',
      'electron',
      'electron-store',
      'electron-updater',
      'zod',
      'libphonenumber-js',
    ],
  },
  {
    // The log file: pino formats, rotating-file-stream writes and rotates (main/log/FileLogger).
    name: 'main (log)',
    files: ['main/log/'],
    internal: ['common/', 'main/'],
    packages: ['node:*', 'zod', 'pino', 'rotating-file-stream'],
  },
  {
    // The headset's USB I/O: node-hid, a native module, only behind the HeadsetPort.
    name: 'main (headset node-hid)',
    files: ['main/headset/nodeHid/'],
    internal: ['common/', 'main/'],
    packages: ['node:*', 'node-hid'],
  },
  {
    name: 'main',
    files: ['main/'],
    internal: ['common/', 'main/'],
    packages: ['node:*', 'zod', 'libphonenumber-js'],
  },
  {
    name: 'preload',
    files: ['preload/'],
    internal: ['common/', 'preload/'],
    packages: ['electron', 'zod'],
  },
  {
    name: 'renderer/ui',
    files: ['renderer/ui/'],
    internal: ['common/', 'renderer/ui/'],
    packages: [
      'react',
      'react-dom',
      'react-i18next',
      'i18next',
      'zod',
      'libphonenumber-js',
      'react-markdown',
    ],
  },
  {
    name: 'renderer/engine',
    files: ['renderer/engine/'],
    internal: ['common/', 'renderer/engine/'],
    packages: ['jssip', 'zod', 'fast-xml-parser'],
  },
  {
    // Tests, tools and configs run the real parts together: they may import anything.
    name: 'tools',
    files: ['e2e/', 'bench/', 'scripts/', 'types/', '*.config.ts', '*.config.js', '*.config.mjs'],
    internal: ['*'],
    packages: ['*'],
  },
];

/** Layers that may use Electron: a layer that may not must not import their files either. */
const usesElectron = (layer) => ['electron', '*'].some((name) => layer.packages.includes(name));

function matchesFile(pattern, relative) {
  if (pattern.startsWith('*.'))
    return !relative.includes('/') && relative.endsWith(pattern.slice(1));
  return pattern.endsWith('/') ? relative.startsWith(pattern) : relative === pattern;
}

function layerOf(relative) {
  return LAYERS.find((candidate) => candidate.files.some((p) => matchesFile(p, relative)));
}

/** The layer of an imported file: the file on disk, as the specifier may leave out its extension. */
function layerOfImport(target) {
  const suffixes = ['', '.ts', '.tsx', '.js', '/index.ts'];
  const file = suffixes
    .map((suffix) => `${target}${suffix}`)
    .find((candidate) => {
      const absolute = path.join(ROOT, candidate);
      return existsSync(absolute) && statSync(absolute).isFile();
    });
  return layerOf(file ?? target);
}

function packageName(specifier) {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(allowed, name) {
  return allowed.some((entry) =>
    entry === '*' ? true : entry === 'node:*' ? name.startsWith('node:') : entry === name,
  );
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of DESIGN.md (an allow-list per folder).' },
    schema: [],
    messages: {
      noLayer: "'{{file}}' is in no layer: give its folder a place in scripts/eslint/layers.js.",
      internal: "Layer '{{layer}}' may not import '{{target}}' (allowed: {{allowed}}).",
      package: "Layer '{{layer}}' may not import the package '{{name}}' (allowed: {{allowed}}).",
      electronFile:
        "Layer '{{layer}}' is Electron-free and may not import '{{target}}', which may use Electron.",
    },
  },
  create(context) {
    const relative = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const layer = layerOf(relative);
    const isTest = /\.(test|testkit)\.tsx?$/.test(relative);
    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (!layer) {
        context.report({ node, messageId: 'noLayer', data: { file: relative } });
        return;
      }
      if (specifier.startsWith('.')) {
        const target = path
          .relative(ROOT, path.resolve(path.dirname(context.filename), specifier))
          .split(path.sep)
          .join('/');
        const ok = layer.internal.some(
          (prefix) => prefix === '*' || `${target}/`.startsWith(prefix),
        );
        if (!ok) {
          context.report({
            node,
            messageId: 'internal',
            data: { layer: layer.name, target, allowed: layer.internal.join(', ') },
          });
        } else if (!usesElectron(layer) && usesElectron(layerOfImport(target) ?? layer)) {
          // Electron would come in through our own file: e.g. the composition and the shell.
          context.report({ node, messageId: 'electronFile', data: { layer: layer.name, target } });
        }
        return;
      }
      const name = packageName(specifier);
      const allowed = isTest ? [...layer.packages, ...TEST_EXTRAS.packages] : layer.packages;
      if (!packageAllowed(allowed, name)) {
        context.report({
          node,
          messageId: 'package',
          data: { layer: layer.name, name, allowed: allowed.join(', ') },
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
