/**
 * `npm test`: static checks, unit tests (Vitest), then engine integration and app end-to-end
 * tests (Playwright + Chromium + Kamailio). Ends with one summary line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { electronBinary } from './electronBinary.mjs';
import { ensurePrerequisites } from './prerequisites.mjs';

// Outside test-results/: Playwright empties that folder when it starts.
const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

ensurePrerequisites();

function step(name, command, args, env = {}) {
  console.log(`\n[openccp test] ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const bin = (name) => `node_modules/.bin/${name}`;
const results = [];
results.push(['typecheck', step('typecheck', 'node', ['scripts/typecheck.mjs'])]);
results.push(['lint', step('lint', bin('eslint'), ['.'])]);
results.push(['format', step('format', bin('prettier'), ['--check', '.'])]);
results.push([
  'unit',
  step('unit tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${REPORTS}/vitest.json`,
  ]),
]);
results.push([
  'e2e',
  step('engine and end-to-end tests', bin('playwright'), ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json`,
  }),
]);

// The packaged app's contents (issue 16): electron-builder's `dir` target around a stand-in
// Electron, from the bundles the end-to-end step built in out/.
results.push(['dir build', step('dir build', 'node', ['scripts/dirBuild.mjs'])]);

const electron = electronBinary();
if (electron) {
  const display = process.env.DISPLAY ? [] : ['xvfb-run', '-a'];
  const [command, ...args] = [
    ...display,
    bin('playwright'),
    'test',
    '-c',
    'e2e/electron-smoke/playwright.config.ts',
    '--reporter=list,json',
  ];
  results.push([
    'electron smoke',
    step('Electron smoke test', command, args, {
      PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/electron.json`,
    }),
  ]);
} else {
  console.log(
    '\n[openccp test] Electron smoke test: NOT RUN. No Electron binary on this machine (electron downloads it on the first `npm start`); every other test ran without it.',
  );
}

let passed = 0;
let failed = 0;
try {
  const vitest = JSON.parse(readFileSync(`${REPORTS}/vitest.json`, 'utf8'));
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
} catch {
  failed += 1;
}
try {
  const playwright = JSON.parse(readFileSync(`${REPORTS}/playwright.json`, 'utf8'));
  passed += playwright.stats.expected;
  failed += playwright.stats.unexpected + playwright.stats.flaky;
} catch {
  failed += 1;
}
if (electron) {
  try {
    const smoke = JSON.parse(readFileSync(`${REPORTS}/electron.json`, 'utf8'));
    passed += smoke.stats.expected;
    failed += smoke.stats.unexpected;
  } catch {
    failed += 1;
  }
}
const failedSteps = results.filter(([, ok]) => !ok).map(([name]) => name);
if (failedSteps.length > 0) console.log(`\n[openccp test] failed steps: ${failedSteps.join(', ')}`);
const kamailioLogs = 'e2e/.artifacts/kamailio';
if (failedSteps.length === 0 && failed === 0)
  rmSync(kamailioLogs, { recursive: true, force: true });
else console.log(`[openccp test] Kamailio's log is kept in ${kamailioLogs}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length === 0 && failed === 0 ? 0 : 1);
