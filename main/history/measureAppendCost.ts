/**
 * How long one durable append takes on a log that already holds `existingRecords` records, to
 * show that append cost does not grow with the file (the bench compares 100 with 100,000).
 *
 * The existing records are written straight to the file in large batches (building 100,000 of
 * them through append would fsync 100,000 times), then HistoryLog opens the file as the app
 * would. Works in a fresh folder under `dir` and removes it afterwards.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContactRecord, StatusRecord } from './HistoryRecord';
import { HistoryLog } from './HistoryLog';
import { encodeLine } from './lineCodec';

const BATCH_LINES = 10_000;
const HOUR_MS = 3_600_000;

export async function measureAppendCost(
  dir: string,
  existingRecords: number,
  samples: number,
): Promise<{ medianUs: number; p95Us: number }> {
  const work = mkdtempSync(join(dir, 'append-cost-'));
  try {
    const path = join(work, 'history.jsonl');
    // Old records, all before today, so the day index stays as small as in real use.
    const firstAt = Date.now() - 48 * HOUR_MS - existingRecords * 1000;
    writePrefix(path, existingRecords, firstAt);

    const log = HistoryLog.open(path, { durable: true });
    try {
      log.append(sampleStatus(Date.now())); // warm-up: first write, JIT; not counted
      const timesUs: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const record = sampleContact(`sample-${i}`, Date.now());
        const started = performance.now();
        log.append(record);
        timesUs.push((performance.now() - started) * 1000);
      }
      return summarize(timesUs);
    } finally {
      log.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function writePrefix(path: string, count: number, firstAt: number): void {
  for (let from = 0; from < count; from += BATCH_LINES) {
    const lines: string[] = [];
    for (let i = from; i < Math.min(count, from + BATCH_LINES); i += 1) {
      const at = firstAt + i * 1000;
      lines.push(encodeLine(i % 4 === 0 ? sampleStatus(at) : sampleContact(`old-${i}`, at)));
    }
    appendFileSync(path, lines.join(''), { mode: 0o600 });
  }
}

function summarize(timesUs: number[]): { medianUs: number; p95Us: number } {
  if (timesUs.length === 0) return { medianUs: 0, p95Us: 0 };
  const sorted = [...timesUs].sort((a, b) => a - b);
  const at = (i: number) => sorted[Math.min(sorted.length - 1, Math.max(0, i))] as number;
  const middle = sorted.length / 2;
  const medianUs =
    sorted.length % 2 === 1 ? at(Math.floor(middle)) : (at(middle - 1) + at(middle)) / 2;
  const p95Us = at(Math.ceil(sorted.length * 0.95) - 1);
  return { medianUs: round(medianUs), p95Us: round(p95Us) };
}

const round = (us: number) => Math.round(us * 10) / 10;

function sampleStatus(at: number): StatusRecord {
  return { type: 'status', at, statusId: 'available', label: 'Available' };
}

/** A realistic contact: typical field sizes, a short note. */
function sampleContact(contactId: string, at: number): ContactRecord {
  return {
    type: 'contact',
    at,
    contactId,
    channel: 'voice',
    direction: 'inbound',
    peer: { number: '+442071838750', displayName: 'Jane Customer' },
    queue: 'Billing',
    outcome: 'handled',
    offeredAt: at - 300_000,
    connectedAt: at - 295_000,
    endedAt: at - 60_000,
    acwEndedAt: at,
    handleMs: 235_000,
    acwMs: 60_000,
    endReason: 'BYE',
    notes: 'Customer asked about the last invoice; explained the pro-rata charge.',
    wrapUpCode: 'billing-question',
  };
}
