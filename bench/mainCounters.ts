/**
 * What the soak reads from main at each sample. Main runs in the bench's own process (the
 * harness stands in for Electron's shell), so both figures also hold Playwright's client and
 * the bench's own handles: their growth is an upper bound on main's.
 */
import { getHeapCodeStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MainCounters {
  heapMB: number;
  /**
   * Of heapMB, the compiled code and its metadata (bytecode, optimised code, function info):
   * V8 compiles and tiers functions up as they run hot, well into a soak, and flushes and
   * recompiles others, so this part moves with the process's age, not with what it keeps per
   * call. The census measured it at 427 KB of a 764 KB growth over 50 calls.
   */
  codeMB: number;
  /** Live handles by kind (process.getActiveResourcesInfo): 'Timeout', 'TCPSocketWrap', ... */
  resources: Record<string, number>;
}

export function readMainCounters(): MainCounters {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  const resources: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    resources[kind] = (resources[kind] ?? 0) + 1;
  }
  const code = getHeapCodeStatistics();
  return {
    heapMB: megabytes(process.memoryUsage().heapUsed),
    codeMB: megabytes(code.code_and_metadata_size + code.bytecode_and_metadata_size),
    resources,
  };
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 1000) / 1000;
}

/**
 * The bench runs inside a Playwright test, and the runner keeps a record of every API call the
 * test makes (its steps, by id, and their trace events, with stacks): about 50 per soak call,
 * some 250 KB a call in this process's heap, measured with BENCH_SOAK_CENSUS (TestStepInfoImpl,
 * source-map Mappings, their strings). They are the bench's, not main's: forgotten before each
 * sample so main's figure is main's. These are the runner's private fields (Playwright 1.65);
 * returns false when they are not there, and the sample then says runner records are included.
 */
export function forgetRunnerRecords(testInfo: unknown): boolean {
  const runner = testInfo as {
    _steps?: unknown[];
    _stepMap?: Map<unknown, unknown>;
    _tracing?: { _traceEvents?: unknown[] };
  };
  const steps = runner._steps;
  const stepMap = runner._stepMap;
  const traceEvents = runner._tracing?._traceEvents;
  if (!Array.isArray(steps) || !(stepMap instanceof Map) || !Array.isArray(traceEvents)) {
    return false;
  }
  steps.length = 0;
  stepMap.clear();
  traceEvents.length = 0;
  return true;
}
