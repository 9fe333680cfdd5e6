import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'common/**/*.test.ts',
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'renderer/**/*.test.ts',
    ],
    environment: 'node',
  },
});
