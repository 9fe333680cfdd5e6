/**
 * Where heap growth is, for the soak's `BENCH_SOAK_CENSUS=1`: a heap snapshot of a page (CDP
 * HeapProfiler.takeHeapSnapshot) or of main (v8.getHeapSnapshot), counted by constructor
 * name, and the difference between two such counts, largest growth first. A leak shows as a
 * constructor whose count grows with the calls made between the two snapshots.
 */
import { getHeapSnapshot } from 'node:v8';
import type { Page } from '@playwright/test';

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

export async function mainCensus(): Promise<HeapCensus> {
  const chunks: string[] = [];
  const stream = getHeapSnapshot().setEncoding('utf8');
  for await (const chunk of stream) chunks.push(chunk as string);
  return censusOf(chunks.join(''));
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
