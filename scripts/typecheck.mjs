/**
 * Type-checks each runtime with its own config: common/ without DOM or Node types, main/ with
 * Node only, the renderers and preloads with DOM only, the tools (tests, bench, scripts) with
 * both. Exits non-zero if any fails.
 */
import { spawnSync } from 'node:child_process';

const CONFIGS = ['common', 'main', 'renderer', 'tools'];
let failed = false;
for (const name of CONFIGS) {
  const result = spawnSync('node_modules/.bin/tsc', ['--noEmit', '-p', `tsconfig.${name}.json`], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error(`[typecheck] tsconfig.${name}.json failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
