import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The unit suite as `npm run mutate` runs it: the same tests, with room for the slowest
 * property tests (thousands of damaged profiles) to finish under Stryker's instrumentation,
 * which makes every mutated module several times slower.
 */
export default mergeConfig(base, defineConfig({ test: { testTimeout: 60_000 } }));
