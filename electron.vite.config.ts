/**
 * One main bundle, two preloads (UI and engine), two renderer pages (UI and engine).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve('main/index.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot require() anything but electron: each must be one
      // self-contained CommonJS file with zod and the contract inlined.
      isolatedEntries: true,
      externalizeDeps: false,
      rolldownOptions: {
        input: { ui: resolve('preload/ui.ts'), engine: resolve('preload/engine.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: {
          ui: resolve('renderer/ui/index.html'),
          engine: resolve('renderer/engine/index.html'),
        },
      },
    },
  },
});
