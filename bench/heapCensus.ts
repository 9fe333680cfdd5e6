/**
 * Heap snapshots for the soak's `BENCH_SOAK_CENSUS=1`, written to files and compared in a
 * child process (heapDiff.ts), so neither the snapshots nor their parsing stay in main's heap
 * or stop main longer than V8 takes to write them. A page's comes over CDP
 * (HeapProfiler.takeHeapSnapshot); main's is v8.writeHeapSnapshot of this very process.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { Page } from '@playwright/test';
import { ROOT } from '../e2e/harness/bundles';
import type { FreezeTolerantClock } from './freezeTolerantClock';
import type { HeapDiffReport } from './heapDiff';

/** Writes main's heap snapshot to `file`; main's timers wait out the pause (see the clock). */
export function writeMainSnapshot(file: string, clock: FreezeTolerantClock): string {
  mkdirSync(dirname(file), { recursive: true });
  return clock.frozen(() => writeHeapSnapshot(file));
}

/** Writes the page's heap snapshot (after a collection) to `file`, chunk by chunk. */
export async function writePageSnapshot(page: Page, file: string): Promise<string> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  const cdp = await page.context().newCDPSession(page);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => appendFileSync(file, event.chunk));
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.send('HeapProfiler.disable');
  } finally {
    await cdp.detach();
  }
  return file;
}

/** heapDiff.ts's report on two snapshots of one process, `calls` apart. */
export async function snapshotDiff(
  before: string,
  after: string,
  calls: number,
): Promise<HeapDiffReport> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'bench', 'heapDiff.ts'), before, after, String(calls)],
    {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
    },
  );
  return JSON.parse(stdout) as HeapDiffReport;
}
