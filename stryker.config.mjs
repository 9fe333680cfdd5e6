/**
 * `npm run mutate`: mutation testing of the decision modules (StrykerJS with the Vitest runner).
 * Not part of `npm test` (it takes many minutes on two cores); incremental, so a second run
 * re-tests only mutants whose code changed. Measured: tests added to an existing test file are
 * not always noticed (the survivors stay cached), so after adding tests run with `--force`. Report: reports/mutation/index.html and
 * mutation.json; the score per file is printed at the end. One module:
 * `npm run mutate -- --mutate main/dialing/DialingRules.ts`.
 */
// Stryker's Vitest runner runs tests in worker threads, where a test that sets process.env.TZ
// (localDay's daylight-saving test) cannot change the zone: the runner processes start in it.
process.env.TZ = 'Europe/Rome';

export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'main/desk/**/*.ts',
    'main/commands/**/*.ts',
    'main/dialing/**/*.ts',
    'main/history/**/*.ts',
    'main/provisioning/**/*.ts',
    'common/dialing/**/*.ts',
    'common/fsm/**/*.ts',
    'main/engine/EngineSupervisor.ts',
    'renderer/engine/sip/HoldNegotiator.ts',
    'renderer/engine/sip/offerCodecs.ts',
    'main/headset/**/*.ts',
    '!main/headset/fixtures/**',
    '!**/*.test.ts',
    '!**/*.testkit.ts',
    // Data tables, not decisions.
    '!main/dialing/emergencyNumbers.ts',
    // The bench's measuring tool (how long an append takes), not a decision of the app.
    '!main/history/measureAppendCost.ts',
    '!main/history/measureRecentSearch.ts',
  ],
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
