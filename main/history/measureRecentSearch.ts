/**
 * How long the recent contacts list (D4) takes to answer with `calls` calls in it: the whole
 * list's first page, and a search for one number that walks every entry. For the bench, which
 * keeps 10,000 calls; never asserted in a test.
 */
import { performance } from 'node:perf_hooks';
import { RecentContactIndex } from './RecentContactIndex';

const HOUR_MS = 3_600_000;

export interface RecentSearchCost {
  /** Building the index from `calls` records, as opening the history does (ms). */
  buildMs: number;
  /** First page of the unfiltered list (µs). */
  listUs: { median: number; p95: number };
  /** A number search matching one call (µs). */
  searchUs: { median: number; p95: number };
}

export function measureRecentSearch(calls: number, samples: number): RecentSearchCost {
  const index = new RecentContactIndex();
  const firstAt = Date.now() - calls * HOUR_MS;
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) {
    const at = firstAt + i * HOUR_MS;
    index.add({
      type: 'contact',
      at,
      contactId: `c-${i}`,
      channel: 'voice',
      direction: i % 3 === 0 ? 'outbound' : 'inbound',
      peer: { number: `+4420718${String(i).padStart(5, '0')}`, displayName: `Customer ${i}` },
      queue: i % 2 === 0 ? 'Billing' : 'Sales',
      outcome: i % 7 === 0 ? 'missed' : 'handled',
      offeredAt: at,
    });
  }
  const buildMs = Math.round((performance.now() - started) * 10) / 10;
  const time = (query: string): number[] => {
    const times: number[] = [];
    index.search({ query, limit: 50 }); // warm-up: JIT; not counted
    for (let i = 0; i < samples; i += 1) {
      const begun = performance.now();
      index.search({ query, limit: 50 });
      times.push((performance.now() - begun) * 1000);
    }
    return times;
  };
  const target = String(Math.floor(calls / 2)).padStart(5, '0');
  return { buildMs, listUs: summary(time('')), searchUs: summary(time(`718${target}`)) };
}

function summary(timesUs: number[]): { median: number; p95: number } {
  const sorted = [...timesUs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  const round = (us: number) => Math.round(us * 10) / 10;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}
