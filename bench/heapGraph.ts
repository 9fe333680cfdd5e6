/**
 * A V8 heap snapshot (.heapsnapshot, as v8.writeHeapSnapshot writes it) read into flat arrays,
 * with each node's retainer on a shortest path from the root: enough to say, for an object,
 * what keeps it alive. The file is parsed outside main's process (heapDiff.ts runs in a child),
 * so main pauses only while V8 writes it.
 */
import { readFileSync } from 'node:fs';

interface SnapshotJson {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** No retainer: the root, or a node reachable only through weak edges. */
export const NO_NODE = -1;

export interface HeapGraph {
  readonly size: number;
  /** V8's object id: the same object has the same id in every snapshot of one process. */
  id(node: number): number;
  selfSize(node: number): number;
  /** "object Foo", "closure bar", "array (object elements)", "string", ... */
  label(node: number): string;
  /** The node that retains `node` on a shortest path from the root, or NO_NODE. */
  retainer(node: number): number;
  /** The name of the edge from retainer(node) to `node`: a property name, or [] for an index. */
  retainerEdge(node: number): string;
}

/** Node types whose name is their content (a string's text, code's source): not a label. */
const CONTENT_NAMED = new Set(['string', 'concatenated string', 'sliced string', 'code', 'number']);

export function readHeapGraph(path: string): HeapGraph {
  const json = JSON.parse(readFileSync(path, 'utf8')) as SnapshotJson;
  const meta = json.snapshot.meta;
  const nodeWidth = meta.node_fields.length;
  const edgeWidth = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const nodeField = (name: string): number => meta.node_fields.indexOf(name);
  const edgeField = (name: string): number => meta.edge_fields.indexOf(name);
  const typeAt = nodeField('type');
  const nameAt = nodeField('name');
  const idAt = nodeField('id');
  const sizeAt = nodeField('self_size');
  const edgeCountAt = nodeField('edge_count');
  const edgeTypeAt = edgeField('type');
  const edgeNameAt = edgeField('name_or_index');
  const edgeToAt = edgeField('to_node');
  const { nodes, edges, strings } = json;
  const size = nodes.length / nodeWidth;

  // Breadth first from the root (node 0) over strong edges: each node's first discoverer is a
  // retainer on a shortest path, as the DevTools' "Retainers" view shows first.
  const retainers = new Int32Array(size).fill(NO_NODE);
  const edgeNames = new Int32Array(size).fill(NO_NODE);
  const seen = new Uint8Array(size);
  const firstEdge = new Uint32Array(size + 1);
  for (let node = 0; node < size; node += 1) {
    firstEdge[node + 1] = firstEdge[node]! + nodes[node * nodeWidth + edgeCountAt]! * edgeWidth;
  }
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  seen[0] = 1;
  while (head < tail) {
    const from = queue[head++]!;
    for (let edge = firstEdge[from]!; edge < firstEdge[from + 1]!; edge += edgeWidth) {
      if (edgeTypes[edges[edge + edgeTypeAt]!] === 'weak') continue;
      const to = edges[edge + edgeToAt]! / nodeWidth;
      if (seen[to]) continue;
      seen[to] = 1;
      retainers[to] = from;
      edgeNames[to] = edge;
      queue[tail++] = to;
    }
  }

  const field = (node: number, offset: number): number => nodes[node * nodeWidth + offset]!;
  return {
    size,
    id: (node) => field(node, idAt),
    selfSize: (node) => field(node, sizeAt),
    label(node) {
      const type = nodeTypes[field(node, typeAt)]!;
      return CONTENT_NAMED.has(type) ? type : `${type} ${strings[field(node, nameAt)]}`;
    },
    retainer: (node) => retainers[node]!,
    retainerEdge(node) {
      const edge = edgeNames[node]!;
      if (edge === NO_NODE) return '';
      const type = edgeTypes[edges[edge + edgeTypeAt]!];
      // Indexes are left out, so the elements of one array are one retaining edge.
      return type === 'element' || type === 'hidden'
        ? '[]'
        : String(strings[edges[edge + edgeNameAt]!]);
    },
  };
}
