/**
 * What grew in a process's heap between two snapshots of it, and who holds it:
 * `tsx bench/heapDiff.ts before.heapsnapshot after.heapsnapshot [calls]` prints a JSON
 * HeapDiffReport (the soak runs it in a child process: parsing snapshots of hundreds of MB
 * must not stop main).
 *
 * V8 keeps an object's snapshot id for its life, so the objects of `after` whose id `before`
 * lacks were made in between and are still alive, and those of `before` missing from `after`
 * were freed. Each object is charged to its anchor: the first object on its shortest retaining
 * path (heapGraph.ts) that lives in both snapshots, named by its label and the edge to the
 * object below it ("object TodayIndex .records -> array"). A structure that keeps something
 * per call shows as an anchor whose bytes grow with the calls, whoever made the objects. The
 * anchor's path from the root also says whose the object is (heapOwners.ts); made minus freed
 * per owner adds up to the net growth.
 */
import { readHeapGraph, NO_NODE, type HeapGraph } from './heapGraph';
import { ownerOf, OWNERS, type Owner } from './heapOwners';

export interface GrowthRow {
  key: string;
  count: number;
  bytes: number;
  /** For an anchor: the last steps of the shortest path from the root to it. */
  path?: string;
}

export interface HeapDiffReport {
  netBytes: number;
  /** Net bytes (made minus freed) by owner. */
  owners: Record<Owner, number>;
  /** The tables, as lines to print. */
  lines: string[];
}

/** Steps of an anchor's path shown in the table; the owner is judged on the whole path. */
const SHOWN_STEPS = 8;

export function heapDiff(before: HeapGraph, after: HeapGraph, calls: number): HeapDiffReport {
  const beforeIds = new Map<number, number>();
  for (let node = 0; node < before.size; node += 1) beforeIds.set(before.id(node), node);
  const afterIds = new Set<number>();
  for (let node = 0; node < after.size; node += 1) afterIds.add(after.id(node));
  const owners = Object.fromEntries(OWNERS.map((owner) => [owner, 0])) as Record<Owner, number>;
  const made = new Map<string, GrowthRow>();
  const anchors = new Map<string, GrowthRow>();
  const freed = new Map<string, GrowthRow>();
  let netBytes = 0;

  const madeAnchors = new AnchorFinder(after, (node) => beforeIds.has(after.id(node)));
  for (let node = 0; node < after.size; node += 1) {
    const old = beforeIds.get(after.id(node));
    const bytes = after.selfSize(node) - (old === undefined ? 0 : before.selfSize(old));
    netBytes += bytes;
    if (old !== undefined) continue;
    const label = after.label(node);
    const anchor = madeAnchors.of(node);
    owners[ownerOf(label, anchor.fullPath)] += bytes;
    add(made, label, bytes);
    add(anchors, anchor.key, bytes, anchor.path);
  }
  const freedAnchors = new AnchorFinder(before, (node) => afterIds.has(before.id(node)));
  for (let node = 0; node < before.size; node += 1) {
    if (afterIds.has(before.id(node))) continue;
    const label = before.label(node);
    netBytes -= before.selfSize(node);
    owners[ownerOf(label, freedAnchors.of(node).fullPath)] -= before.selfSize(node);
    add(freed, label, before.selfSize(node));
  }

  const perCall = (bytes: number) => Math.round(bytes / calls);
  return {
    netBytes,
    owners,
    lines: [
      `net growth ${netBytes} B, ${perCall(netBytes)} B per call over ${calls}`,
      'net by owner (bytes, bytes per call; owners: bench/heapOwners.ts):',
      ...OWNERS.map(
        (owner) =>
          `${String(owners[owner]).padStart(19)} B ${String(perCall(owners[owner])).padStart(6)} B/call  ${owner}`,
      ),
      ...table('made and still alive, by constructor', made, calls),
      ...table('made and still alive, by anchor (first older retainer)', anchors, calls),
      ...table('freed, by constructor', freed, calls),
    ],
  };
}

function add(rows: Map<string, GrowthRow>, key: string, bytes: number, path?: string): void {
  const row = rows.get(key) ?? { key, count: 0, bytes: 0, ...(path ? { path } : {}) };
  row.count += 1;
  row.bytes += bytes;
  rows.set(key, row);
}

interface Anchor {
  key: string;
  path: string;
  fullPath: string;
}

/** The first retainer of a node that `lives` (is in both snapshots); memoised along the way. */
class AnchorFinder {
  private readonly anchorOf = new Map<number, Anchor>();
  private readonly paths = new Map<number, { path: string; fullPath: string }>();

  constructor(
    private readonly graph: HeapGraph,
    private readonly lives: (node: number) => boolean,
  ) {}

  of(node: number): Anchor {
    const { graph } = this;
    const walked: number[] = [];
    let child = node;
    let anchor: Anchor | undefined;
    while (!anchor) {
      anchor = this.anchorOf.get(child);
      if (anchor) break;
      walked.push(child);
      const parent = graph.retainer(child);
      if (parent === NO_NODE) {
        anchor = { key: `(unreachable) ${graph.label(child)}`, path: '', fullPath: '' };
      } else if (this.lives(parent)) {
        const key = `${graph.label(parent)} .${graph.retainerEdge(child)} -> ${graph.label(child)}`;
        anchor = { key, ...this.pathOf(parent) };
      } else {
        child = parent;
      }
    }
    for (const step of walked) this.anchorOf.set(step, anchor);
    return anchor;
  }

  private pathOf(node: number): { path: string; fullPath: string } {
    let found = this.paths.get(node);
    if (!found) {
      const steps = rootPath(this.graph, node);
      found = { path: steps.slice(-SHOWN_STEPS).join(' '), fullPath: steps.join(' ') };
      this.paths.set(node, found);
    }
    return found;
  }
}

/** The root's shortest path to `node`, as "label" and ".edge label" steps. */
function rootPath(graph: HeapGraph, node: number): string[] {
  const steps: string[] = [];
  for (let at = node; at !== NO_NODE; at = graph.retainer(at)) {
    const edge = graph.retainerEdge(at);
    steps.unshift(edge ? `.${edge} ${graph.label(at)}` : graph.label(at));
  }
  return steps;
}

function table(title: string, rows: Map<string, GrowthRow>, calls: number, top = 25): string[] {
  const lines = [`${title} (count, bytes, bytes per call):`];
  for (const row of [...rows.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top)) {
    const perCall = Math.round(row.bytes / calls);
    lines.push(
      `${String(row.count).padStart(8)} ${String(row.bytes).padStart(10)} B ${String(perCall).padStart(6)} B/call  ${row.key}`,
    );
    if (row.path) lines.push(`${' '.repeat(37)}at ${row.path}`);
  }
  return lines;
}

if (process.argv[1]?.endsWith('heapDiff.ts')) {
  const [beforePath, afterPath, calls = '1'] = process.argv.slice(2);
  if (!beforePath || !afterPath) throw new Error('usage: heapDiff.ts before after [calls]');
  const report = heapDiff(readHeapGraph(beforePath), readHeapGraph(afterPath), Number(calls));
  process.stdout.write(JSON.stringify(report));
}
