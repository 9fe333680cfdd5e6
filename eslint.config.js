import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersRule } from './scripts/eslint/layers.js';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.artifacts/**',
      'bench/.artifacts/**',
      // Mutation testing: its sandbox copy of the tree while it runs, and its reports.
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // DESIGN.md's layers as an allow-list per folder (scripts/eslint/layers.js): common imports
    // only common, zod and libphonenumber-js; main never imports the renderers or preloads;
    // Electron only in main/shell, main/index.ts and the preloads; the UI and the engine never
    // import each other or main, the UI never jssip.
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { openccp: { rules: { layers: layersRule } } },
    rules: { 'openccp/layers': 'error' },
  },
);
