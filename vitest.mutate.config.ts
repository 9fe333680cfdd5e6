import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as `npm run mutate` runs it. The tests use fake clocks and finish in
 * milliseconds, so a test still running after 3 s is one a mutant made wait forever (a promise
 * never settled): failing it here is far cheaper than Stryker's own timeout, which restarts the
 * whole test runner. The few slow property tests carry their own timeout.
 */
export default mergeConfig(base, defineConfig({ test: { testTimeout: 3_000 } }));
