/**
 * The `dir` build (issue 16): electron-builder packs the app for Linux around a stand-in
 * Electron (no Electron download here), with the fuses step off for this build only (it
 * rewrites the real Electron binary), and the result is checked: the asar holds the main
 * bundle, the pages and every package the main bundle imports; the udev rule is where the
 * after-install script copies it from (resources/udev). Installers (deb, rpm, AppImage) still
 * need fpm and appimagetool, which electron-builder downloads: not built here.
 *
 * Usage: node scripts/dirBuild.mjs   (after `electron-vite build`: it packs out/)
 */
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar');
const yaml = require('js-yaml');
const { build, Platform } = require('electron-builder');

const work = mkdtempSync(join(tmpdir(), 'openccp-dir-build-'));
const failures = [];
try {
  // What electron-builder reads of an unpacked Electron on Linux: it copies the folder, renames
  // `electron` to the executable name and hashes the header of every .asar in resources (so the
  // stand-in has none: a fake default_app.asar fails with "Unable to read header size").
  const electronDist = join(work, 'electron');
  mkdirSync(join(electronDist, 'resources'), { recursive: true });
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in Electron"\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  for (const name of ['chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html']) {
    writeFileSync(join(electronDist, name), '');
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const electronVersion = pkg.devDependencies.electron;
  writeFileSync(join(electronDist, 'version'), `v${electronVersion}`);

  const config = yaml.load(readFileSync('electron-builder.yml', 'utf8'));
  // The fuses are flipped in the real Electron binary; the stand-in has none to flip.
  config.electronFuses = null;
  const output = join(work, 'dist');
  Object.assign(config, {
    electronDist,
    electronVersion,
    npmRebuild: false,
    directories: { ...config.directories, output },
  });
  await build({ targets: Platform.LINUX.createTarget('dir'), config });

  const resources = join(output, 'linux-unpacked', 'resources');
  const archive = join(resources, 'app.asar');
  const listed = new Set(asar.listPackage(archive, {}));
  const has = (path) => listed.has(path);
  for (const page of [
    '/package.json',
    '/out/main/index.js',
    '/out/preload/ui.cjs',
    '/out/preload/engine.cjs',
    '/out/renderer/ui/index.html',
    '/out/renderer/engine/index.html',
  ]) {
    if (!has(page)) failures.push(`app.asar lacks ${page}`);
  }

  // Every package the main bundle imports (static, dynamic, require), resolved in the asar.
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const mainDir = 'out/main';
  const imports = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(c|m)?js$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        const pattern =
          /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"'./][^"']*)["']/g;
        for (const match of text.matchAll(pattern)) imports.add(match[1]);
      }
    }
  };
  walk(mainDir);
  const packages = [...imports]
    .filter((name) => !builtins.has(name) && name !== 'electron')
    .map((name) =>
      (name.startsWith('@') ? name.split('/').slice(0, 2) : name.split('/').slice(0, 1)).join('/'),
    );
  for (const name of new Set(packages)) {
    const manifest = `/node_modules/${name}/package.json`;
    if (!has(manifest)) {
      failures.push(`app.asar lacks ${name}, imported by the main bundle`);
      continue;
    }
    const meta = JSON.parse(asar.extractFile(archive, manifest.slice(1)).toString('utf8'));
    const entry = typeof meta.main === 'string' ? meta.main.replace(/^\.\//, '') : 'index.js';
    const candidates = [entry, `${entry}.js`, join(entry, 'index.js')].map(
      (file) => `/node_modules/${name}/${file}`,
    );
    // Packages with only `exports` are checked for their manifest alone.
    if (meta.main !== undefined && !candidates.some(has)) {
      failures.push(`${name}'s entry ${entry} is missing from app.asar`);
    }
  }

  // The after-install script copies the rule from /opt/<product>/resources/udev.
  const rule = join(resources, 'udev', '70-openccp-headsets.rules');
  try {
    readFileSync(rule);
  } catch {
    failures.push(`the udev rule is not at ${rule}`);
  }
  console.log(
    `dir build: ${listed.size} entries in app.asar, ${new Set(packages).size} packages imported by main checked`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('dir build: ok');
