/**
 * What the soak reads from main at each sample. Main runs in the bench's own process (the
 * harness stands in for Electron's shell), so both figures also hold Playwright's client and
 * the bench's own handles: their growth is an upper bound on main's.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MainCounters {
  heapMB: number;
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
  return {
    heapMB: Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 1000) / 1000,
    resources,
  };
}
