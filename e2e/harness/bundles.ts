/**
 * Builds what the harness serves: the renderer pages with electron-vite (the same build as the
 * app), and the two real preload scripts bundled with `electron` aliased to the shim.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = `${ROOT}out/renderer`;
export const ARTIFACTS = `${ROOT}e2e/.artifacts`;
export const preloadBundle = (name: 'ui' | 'engine'): string => `${ARTIFACTS}/preload-${name}.js`;

export async function buildBundles(): Promise<void> {
  execFileSync(`${ROOT}node_modules/.bin/electron-vite`, ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  for (const name of ['ui', 'engine'] as const) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: ROOT,
      resolve: { alias: { electron: `${ROOT}e2e/harness/electron-shim.ts` } },
      build: {
        outDir: ARTIFACTS,
        emptyOutDir: false,
        minify: false,
        lib: {
          entry: `${ROOT}preload/${name}.ts`,
          formats: ['iife'],
          name: `openccpPreload_${name}`,
          fileName: () => `preload-${name}.js`,
        },
      },
    });
  }
  for (const file of [
    preloadBundle('ui'),
    preloadBundle('engine'),
    `${RENDERER_OUT}/ui/index.html`,
    `${RENDERER_OUT}/engine/index.html`,
  ]) {
    if (!existsSync(file)) throw new Error(`build did not produce ${file}`);
  }
}
