import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: 'bench.spec.ts',
  workers: 1,
  timeout: 0,
  reporter: [['line']],
  outputDir: '../test-results/bench',
});
