/**
 * The soak's census (BENCH_SOAK_CENSUS=1): heap snapshots of the UI page and of main at the
 * middle and at the end, each at the quiet point the sample is taken at (the call cleared, the
 * agent Available again), and what grew between them printed by owner, constructor and anchor
 * (heapDiff.ts). The snapshots are files in the test's output folder, kept for a closer look.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { FreezeTolerantClock } from './freezeTolerantClock';
import { snapshotDiff, writeMainSnapshot, writePageSnapshot } from './heapCensus';
import { OWNERS } from './heapOwners';

export class SoakCensus {
  private readonly files = new Map<string, string>();

  constructor(
    private readonly ui: () => Page,
    private readonly clock: FreezeTolerantClock,
    private readonly dir: string,
    private readonly log: (message: string) => void,
  ) {}

  async take(sample: 'middle' | 'end'): Promise<void> {
    this.files.set(`ui-${sample}`, await writePageSnapshot(this.ui(), this.file('ui', sample)));
    const started = performance.now();
    this.files.set(`main-${sample}`, writeMainSnapshot(this.file('main', sample), this.clock));
    const pausedMs = Math.round(performance.now() - started);
    this.log(`main's heap snapshot ${this.file('main', sample)}: main paused ${pausedMs} ms`);
  }

  /**
   * What grew from the middle to the end, printed; returns main's net growth by owner per call
   * (KB) as rows, and main's figure without Playwright's and the runner's objects.
   */
  async report(calls: number, mainKBPerCall: number): Promise<Record<string, number>> {
    const rows: Record<string, number> = {};
    for (const process of ['ui', 'main'] as const) {
      const before = this.files.get(`${process}-middle`);
      const after = this.files.get(`${process}-end`);
      if (!before || !after) continue;
      const diff = await snapshotDiff(before, after, calls);
      this.log(`heap growth in ${process} from the middle to the end:`);
      for (const line of diff.lines) this.log(`  ${line}`);
      if (process !== 'main') continue;
      const perCallKB = (bytes: number) => Math.round((bytes / 1024 / calls) * 100) / 100;
      for (const owner of OWNERS)
        rows[`census.mainKBPerCall.${owner}`] = perCallKB(diff.owners[owner]);
      const harness = diff.owners.playwright + diff.owners.runner;
      rows['heapKBPerCall.mainNetOfPlaywright'] =
        Math.round((mainKBPerCall - perCallKB(harness)) * 100) / 100;
    }
    return rows;
  }

  private file(process: 'ui' | 'main', sample: string): string {
    return join(this.dir, `${process}-${sample}.heapsnapshot`);
  }
}
