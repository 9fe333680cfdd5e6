import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as `npm run mutate` runs it. The tests use fake clocks and finish in
 * milliseconds, so a test still running after 3 s is one a mutant made wait forever (a promise
 * never settled): failing it here is far cheaper than Stryker's own timeout, which restarts the
 * whole test runner. The few slow property tests carry their own timeout.
 *
 * `isolate: false`: test files share one module graph instead of re-importing it per file.
 * Every test builds its own desk, so nothing leaks between files (the suite passes this way
 * in Stryker's dry run), and it makes a mutant in a module every desk test reaches about ten
 * times cheaper (742 desk mutants: from about 2 hours to about 13 minutes on two cores).
 * Files that replace a module (`vi.mock`) need their own module graph: they run isolated, in
 * a second project.
 */
const MOCKING_FILES = [
  'main/history/HistoryLog.diskFailures.test.ts',
  // node-hid stands in at the USB boundary (no headset can be plugged in here).
  'main/headset/nodeHid/NodeHidPort.test.ts',
  // The OS refusing to open a file (the tests run as root, which may read anything).
  'main/provisioning/readTextFile.os.test.ts',
];
const include = base.test?.include ?? [];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 3_000,
    projects: [
      {
        extends: true,
        test: { name: 'shared', include, exclude: MOCKING_FILES, isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING_FILES, isolate: true } },
    ],
  },
});
