import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { measureJournalCost } from './measureJournalCost';

describe('measureJournalCost', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'openccp-journal-cost-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Its own timeout: 500 real writes to disk, slow on a busy machine.
  it(
    'coalesces 500 keystrokes, one per event-loop turn, into far fewer writes, and cleans up after itself',
    { timeout: 60_000 },
    async () => {
      const cost = await measureJournalCost(dir, 500);
      // Measured, not asserted: the report reads these figures (timing depends on the machine).
      console.info(
        `DraftJournal: ${cost.keystrokes} keystrokes -> ${cost.writes} writes; record() per keystroke ` +
          `median ${cost.recordMedianUs.toFixed(1)} µs, p95 ${cost.recordP95Us.toFixed(1)} µs; ` +
          `one durable write (temp + fsync + rename) median ${cost.writeMedianMs.toFixed(2)} ms`,
      );
      expect(cost.writes).toBeGreaterThanOrEqual(1);
      expect(cost.writes).toBeLessThan(cost.keystrokes / 2);
      expect(cost.recordP95Us).toBeGreaterThanOrEqual(cost.recordMedianUs);
      expect(readdirSync(dir)).toEqual([]);
    },
  );
});
