import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROFILE_LOCALES } from './ProfileSchema';

const here = new URL('./', import.meta.url);

describe('main/provisioning', () => {
  // Lint already refuses Electron here (scripts/eslint/layers.js allows it only in main/shell and
  // main/index.ts); this reads the sources as well, so a require() or an eslint-disable is caught.
  it('imports nothing from electron', () => {
    const sources = readdirSync(here).filter((name) => name.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) {
      const text = readFileSync(new URL(name, here), 'utf8');
      expect(text, name).not.toMatch(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/);
    }
  });

  it('offers status labels in exactly the languages the UI has', () => {
    const locales = readdirSync(new URL('../../renderer/ui/locales/', import.meta.url))
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.replace(/\.json$/, ''));
    expect([...PROFILE_LOCALES].sort()).toEqual(locales.sort());
  });
});
