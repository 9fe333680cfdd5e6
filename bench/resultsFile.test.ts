import { describe, expect, it } from 'vitest';
import { sectionsToRun, withSection, type ResultsFile } from './resultsFile';

const EMPTY: ResultsFile = { sections: {}, results: {} };

describe('bench results file', () => {
  it('runs every section when BENCH_ONLY is unset or blank, in the file order', () => {
    expect(sectionsToRun(undefined)).toEqual(['core', 'app', 'headset', 'chat', 'storage', 'soak']);
    expect(sectionsToRun(' ')).toHaveLength(6);
  });

  it('runs only the listed sections, spaces allowed', () => {
    expect(sectionsToRun('soak, app')).toEqual(['soak', 'app']);
  });

  it('refuses a section name it does not know, naming it and the known ones', () => {
    expect(() => sectionsToRun('app,heap')).toThrow(
      'BENCH_ONLY: "heap" is not one of core, app, headset, chat, storage, soak',
    );
  });

  it("replaces one section's rows and keeps every other section's rows and date", () => {
    const first = withSection(
      EMPTY,
      'core',
      { runs: 20 },
      { registrationMs: { n: 20, median: 7, p95: 25 } },
      new Date('2026-12-01T00:00:00Z'),
    );
    const withApp = withSection(first, 'app', { appCalls: 2 }, { offerToBannerMs: 30, gone: 1 });
    const appAgain = withSection(withApp, 'app', { appCalls: 40 }, { offerToBannerMs: 20 });
    expect(appAgain.results).toEqual({
      registrationMs: { n: 20, median: 7, p95: 25 },
      offerToBannerMs: 20,
    });
    expect(appAgain.sections['core']?.date).toBe('2026-12-01T00:00:00.000Z');
    expect(appAgain.sections['app']?.parameters).toEqual({ appCalls: 40 });
    expect(appAgain.sections['app']?.rows).toEqual(['offerToBannerMs']);
  });
});
