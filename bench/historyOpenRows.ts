/**
 * What opening a 10,000-call history costs main (storage section): the whole read at open
 * (HistoryLog.open, as main did before it read in the background), the part of
 * HistoryLog.openLoading that holds main before it returns (the torn-end repair from the file's
 * end), the time until its background read has the whole file, and the longest the event loop
 * waited meanwhile (its slices of at most 8 ms, plus whatever else ran).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryLog } from '../main/history/HistoryLog';
import { historyFile } from './historyRows';
import { summarize, type Summary } from './stats';

const CALLS = 10_000;
const RUNS = 5;

export async function historyOpenRows(): Promise<Record<string, Summary>> {
  const dir = mkdtempSync(join(tmpdir(), 'openccp-bench-open-'));
  const path = join(dir, 'contacts.jsonl');
  writeFileSync(path, historyFile(CALLS));
  const wholeRead: number[] = [];
  const blocking: number[] = [];
  const toLoaded: number[] = [];
  const longestStall: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      let started = performance.now();
      HistoryLog.open(path, { durable: false }).close();
      wholeRead.push(performance.now() - started);

      started = performance.now();
      const log = HistoryLog.openLoading(path, { durable: false });
      blocking.push(performance.now() - started);
      let loaded = false;
      void log.loaded.then(() => (loaded = true));
      let tick = performance.now();
      let longest = 0;
      while (!loaded) {
        await new Promise((resolve) => setImmediate(resolve));
        const now = performance.now();
        longest = Math.max(longest, now - tick);
        tick = now;
      }
      toLoaded.push(performance.now() - started);
      longestStall.push(longest);
      log.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    [`historyOpenMs.wholeRead.${CALLS}`]: summarize(wholeRead),
    [`historyOpenMs.blocking.${CALLS}`]: summarize(blocking),
    [`historyOpenMs.toLoaded.${CALLS}`]: summarize(toLoaded),
    [`historyOpenMs.longestStall.${CALLS}`]: summarize(longestStall),
  };
}
