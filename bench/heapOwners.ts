/**
 * Whose an object of main's heap is, for the soak's census: main runs in the bench's process,
 * beside Playwright (its client and, for a launched browser, its server too) and the test
 * runner, so main's heap figure is theirs as much as the app's. An object is told by its label
 * and by the shortest path from the root to the oldest object that holds it (heapDiff.ts): the
 * names on that path are the constructors and fields of the code that keeps it.
 */

export const OWNERS = ['code', 'history', 'playwright', 'runner', 'native', 'other'] as const;
export type Owner = (typeof OWNERS)[number];

/**
 * What each owner means; the rules below are tried in this order.
 * - code: V8's compiled code and what it hangs on (bytecode, optimised code, function info,
 *   object shapes and their dependent-code lists): it grows as functions are compiled and tier
 *   up, whoever's they are, not with what is kept per call.
 * - native: Node's own (embedder) objects: their ids are not stable between snapshots, so they
 *   show as made and freed in equal measure.
 * - history: the app's by-design history in memory (today's records, the recent-contacts index).
 * - playwright: Playwright's objects (pages, connections, dispatchers, CDP sessions, the
 *   console messages and network requests it keeps per page, 200 and 100 at most).
 * - runner: the test runner's (step records, trace events, source maps of stack traces).
 * - other: everything else, the app's own included: where a leak would show.
 */
const PATH_RULES: readonly [Owner, RegExp][] = [
  ['history', /\b(TodayIndex|RecentContactIndex)\b/],
  [
    'playwright',
    /\b(_?Page2|_?BrowserContext|Connection|CRConnection|_CRSession|DispatcherConnection|PipeTransport2?|ChannelOwner|FrameExecutionContext)\b/,
  ],
  ['runner', /\b(TestInfoImpl|WorkerMain|TestTracing|sourceMapCache|fileContentsCache)\b/],
];

export function ownerOf(label: string, anchorPath: string): Owner {
  if (isCode(label)) return 'code';
  if (label.startsWith('native ') || label.startsWith('synthetic ')) return 'native';
  return PATH_RULES.find(([, rule]) => rule.test(anchorPath))?.[0] ?? 'other';
}

function isCode(label: string): boolean {
  return (
    label === 'code' ||
    label.startsWith('object shape ') ||
    label === 'hidden system / WeakArrayList' ||
    label === 'hidden system / FeedbackVector'
  );
}
