/**
 * Where heap growth is, for the soak's `BENCH_SOAK_CENSUS=1`. A page: a heap snapshot (CDP
 * HeapProfiler.takeHeapSnapshot) counted by constructor name, and the difference between two
 * such counts, largest growth first. Main: a snapshot written to a file (the process stops
 * only while V8 writes it) and two of them compared in a child process by object and by what
 * retains it (heapDiff.ts), so parsing hundreds of MB never stops main.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { writeHeapSnapshot } from 'node:v8';
import type { Page } from '@playwright/test';
import { ROOT } from '../e2e/harness/bundles';
import type { FreezeTolerantClock } from './freezeTolerantClock';

/** Objects and their bytes (self size) by node type and constructor name: "object Foo". */
export type HeapCensus = Map<string, { count: number; bytes: number }>;

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export function censusOf(json: string): HeapCensus {
  const snapshot = JSON.parse(json) as SnapshotJson;
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const census: HeapCensus = new Map();
  for (let node = 0; node < snapshot.nodes.length; node += fields.length) {
    const type = typeNames[snapshot.nodes[node + typeAt]!]!;
    // Strings and code are named by their content: counted by type alone.
    const named = type === 'object' || type === 'closure' || type === 'native';
    const key = named ? `${type} ${snapshot.strings[snapshot.nodes[node + nameAt]!]}` : type;
    const entry = census.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[node + sizeAt]!;
    census.set(key, entry);
  }
  return census;
}

export async function pageCensus(page: Page): Promise<HeapCensus> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (event) => chunks.push(event.chunk));
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    await cdp.send('HeapProfiler.disable');
  } finally {
    await cdp.detach();
  }
  return censusOf(chunks.join(''));
}

/** Writes main's heap snapshot to `file`; main's timers wait out the pause (see the clock). */
export function writeMainSnapshot(file: string, clock: FreezeTolerantClock): string {
  mkdirSync(dirname(file), { recursive: true });
  return clock.frozen(() => writeHeapSnapshot(file));
}

/** heapDiff.ts's report on two of main's snapshots, `calls` apart. */
export async function mainSnapshotDiff(
  before: string,
  after: string,
  calls: number,
): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'bench', 'heapDiff.ts'), before, after, String(calls)],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=4096' },
    },
  );
  return stdout.trimEnd().split('\n');
}

/** The `top` constructors whose bytes grew most from `before` to `after`, as table lines. */
export function censusGrowth(before: HeapCensus, after: HeapCensus, top = 15): string[] {
  return [...after.entries()]
    .map(([key, now]) => {
      const then = before.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: now.count - then.count, bytes: now.bytes - then.bytes };
    })
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top)
    .map(
      (row) => `${String(row.count).padStart(8)} ${String(row.bytes).padStart(10)} B  ${row.key}`,
    );
}
