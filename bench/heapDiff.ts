/**
 * What grew in a process's heap between two snapshots of it, and what holds it:
 * `tsx bench/heapDiff.ts before.heapsnapshot after.heapsnapshot [calls]`.
 *
 * V8 keeps an object's snapshot id for its life, so the objects of `after` whose id `before`
 * lacks were made in between and are still alive. Each such object is charged to its anchor:
 * the first object older than `before` on its shortest retaining path (heapGraph.ts), named by
 * its label and the edge to the first new object ("object TodayIndex .records -> array"). A
 * structure that keeps something per call shows as an anchor whose bytes grow with the calls,
 * whoever made the objects; the objects freed in between are listed too, so the two tables
 * add up to the net growth the soak reports.
 */
import { readHeapGraph, NO_NODE, type HeapGraph } from './heapGraph';

export interface GrowthRow {
  key: string;
  count: number;
  bytes: number;
  /** For an anchor: the shortest path from the root to it, its last steps. */
  path?: string;
}

export interface HeapDiff {
  /** Objects made between the snapshots and alive at the second, by label. */
  made: GrowthRow[];
  /** The same objects, by anchor. */
  anchors: GrowthRow[];
  /** Objects of the first snapshot gone from the second, by label. */
  freed: GrowthRow[];
  netBytes: number;
}

export function heapDiff(before: HeapGraph, after: HeapGraph): HeapDiff {
  const beforeIds = new Map<number, number>();
  for (let node = 0; node < before.size; node += 1) beforeIds.set(before.id(node), node);
  const made = new Map<string, GrowthRow>();
  const anchors = new Map<string, GrowthRow>();
  const anchorOf = new Map<number, string>();
  const alive = new Set<number>();
  let netBytes = 0;
  for (let node = 0; node < after.size; node += 1) {
    const old = beforeIds.get(after.id(node));
    if (old !== undefined) {
      alive.add(old);
      netBytes += after.selfSize(node) - before.selfSize(old);
      continue;
    }
    netBytes += after.selfSize(node);
    add(made, after.label(node), after.selfSize(node));
    const anchor = findAnchor(after, node, beforeIds, anchorOf);
    add(anchors, anchor.key, after.selfSize(node), anchor.path);
  }
  const freed = new Map<string, GrowthRow>();
  for (let node = 0; node < before.size; node += 1) {
    if (alive.has(node)) continue;
    add(freed, before.label(node), before.selfSize(node));
    netBytes -= before.selfSize(node);
  }
  const sorted = (rows: Map<string, GrowthRow>) =>
    [...rows.values()].sort((a, b) => b.bytes - a.bytes);
  return { made: sorted(made), anchors: sorted(anchors), freed: sorted(freed), netBytes };
}

/** Each anchor's path from the root, found once. */
const pathOf = new Map<string, string>();

function add(rows: Map<string, GrowthRow>, key: string, bytes: number, path?: string): void {
  const row = rows.get(key) ?? { key, count: 0, bytes: 0, ...(path ? { path } : {}) };
  row.count += 1;
  row.bytes += bytes;
  rows.set(key, row);
}

/** Walks up the retainers of a new node to the first old one; memoised along the way. */
function findAnchor(
  graph: HeapGraph,
  node: number,
  beforeIds: Map<number, number>,
  anchorOf: Map<number, string>,
): { key: string; path: string } {
  const walked: number[] = [];
  let child = node;
  let key: string | undefined;
  for (;;) {
    key = anchorOf.get(child);
    if (key !== undefined) break;
    walked.push(child);
    const parent = graph.retainer(child);
    if (parent === NO_NODE) {
      key = `(unreachable) ${graph.label(child)}`;
      break;
    }
    if (beforeIds.has(graph.id(parent))) {
      key = `${graph.label(parent)} .${graph.retainerEdge(child)} -> ${graph.label(child)}`;
      pathOf.set(key, rootPath(graph, parent));
      break;
    }
    child = parent;
  }
  for (const step of walked) anchorOf.set(step, key);
  return { key, path: pathOf.get(key) ?? '' };
}

/** The last `steps` hops of the root's shortest path to `node`, as "label .edge" steps. */
function rootPath(graph: HeapGraph, node: number, steps = 8): string {
  const hops: string[] = [];
  for (let at = node; at !== NO_NODE && hops.length < steps; at = graph.retainer(at)) {
    const edge = graph.retainerEdge(at);
    hops.unshift(edge ? `.${edge} ${graph.label(at)}` : graph.label(at));
  }
  return hops.join(' ');
}

function table(title: string, rows: GrowthRow[], calls: number, top: number): string[] {
  const lines = [`${title} (count, bytes, bytes per call):`];
  for (const row of rows.slice(0, top)) {
    const perCall = Math.round(row.bytes / calls);
    lines.push(
      `${String(row.count).padStart(8)} ${String(row.bytes).padStart(10)} B ${String(perCall).padStart(6)} B/call  ${row.key}`,
    );
    if (row.path) lines.push(`${' '.repeat(37)}at ${row.path}`);
  }
  return lines;
}

/** The report the soak prints: net growth, then what was made, what holds it, what was freed. */
export function heapDiffReport(diff: HeapDiff, calls: number, top = 25): string[] {
  return [
    `net growth ${diff.netBytes} B, ${Math.round(diff.netBytes / calls)} B per call over ${calls}`,
    ...table('made and still alive, by constructor', diff.made, calls, top),
    ...table('made and still alive, by anchor (first older retainer)', diff.anchors, calls, top),
    ...table('freed, by constructor', diff.freed, calls, top),
  ];
}

if (process.argv[1]?.endsWith('heapDiff.ts')) {
  const [beforePath, afterPath, calls = '1'] = process.argv.slice(2);
  if (!beforePath || !afterPath) throw new Error('usage: heapDiff.ts before after [calls]');
  const diff = heapDiff(readHeapGraph(beforePath), readHeapGraph(afterPath));
  for (const line of heapDiffReport(diff, Number(calls))) console.log(line);
}
