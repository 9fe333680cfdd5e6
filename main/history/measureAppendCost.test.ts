import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureAppendCost } from './measureAppendCost';

describe('measureAppendCost', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'openccp-append-cost-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Its own timeout: it writes a prefilled log to disk, slow on a busy machine.
  it(
    'times appends on a prefilled log and cleans up after itself',
    { timeout: 60_000 },
    async () => {
      const { medianUs, p95Us } = await measureAppendCost(dir, 25_001, 9);
      expect(medianUs).toBeGreaterThan(0);
      expect(p95Us).toBeGreaterThanOrEqual(medianUs);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('reports zero for zero samples: a positive median above means appends were timed', async () => {
    expect(await measureAppendCost(dir, 10, 0)).toEqual({ medianUs: 0, p95Us: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
