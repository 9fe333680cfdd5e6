/**
 * Today's figures for the agent (H1), computed from history records: a pure function of the
 * records, `now` and the day definition (local time by default, or a fixed UTC offset: see
 * localDay), cheap enough to recompute on every UI update from the in-memory day index:
 * `todayMetrics(log.today(now), { now })`.
 *
 * Definitions:
 * - A contact counts on the local day of its `at` (when it was recorded, i.e. cleared). If the
 *   same contactId was recorded twice (notes saved again), the last record wins.
 * - Average handle time: over handled contacts with a known handle time (`handleMs`, else
 *   endedAt - connectedAt): talk and hold, ACW excluded (add totalAcwMs for Amazon Connect's
 *   AHT, which includes it). Rounded to the millisecond; undefined when nothing was handled.
 * - Total ACW: `acwMs` (else acwEndedAt - endedAt) of every contact of the day, any outcome.
 * - Time per status: each status lasts from its record to the next status record, the last one
 *   until `now`, clipped to the day. Pass the status in effect at midnight too, or the time
 *   before the first change of the day is not counted.
 */
import type { ContactOutcome, ContactRecord, HistoryRecord, StatusRecord } from './HistoryRecord';
import { dayBounds, type DayOptions } from './localDay';
import type { TodayRecords } from './TodayIndex';

export interface StatusTime {
  statusId: string;
  /** The label of the latest record for this status. */
  label: string;
  ms: number;
}

export type OutcomeCounts = Record<ContactOutcome, number>;

export interface DailyMetrics extends OutcomeCounts {
  dayStart: number;
  dayEnd: number;
  averageHandleMs: number | undefined;
  totalAcwMs: number;
  /** In the order each status was first in effect during the day. */
  statusTime: StatusTime[];
}

export interface DailyMetricsOptions extends DayOptions {
  now: number;
}

export function dailyMetrics(
  records: Iterable<HistoryRecord>,
  options: DailyMetricsOptions,
): DailyMetrics {
  const { start, end } = dayBounds(options.now, options);
  const contacts = new Map<string, ContactRecord>();
  const statuses: StatusRecord[] = [];
  for (const record of records) {
    if (record.type === 'status') statuses.push(record);
    else if (record.at >= start && record.at < end) contacts.set(record.contactId, record);
  }

  const counts: OutcomeCounts = { handled: 0, missed: 0, rejected: 0, abandoned: 0, failed: 0 };
  let handleTotal = 0;
  let handleCount = 0;
  let totalAcwMs = 0;
  for (const contact of contacts.values()) {
    counts[contact.outcome] += 1;
    const handle = contact.handleMs ?? span(contact.connectedAt, contact.endedAt);
    if (contact.outcome === 'handled' && handle !== undefined) {
      handleTotal += handle;
      handleCount += 1;
    }
    totalAcwMs += contact.acwMs ?? span(contact.endedAt, contact.acwEndedAt) ?? 0;
  }

  return {
    dayStart: start,
    dayEnd: end,
    ...counts,
    averageHandleMs: handleCount > 0 ? Math.round(handleTotal / handleCount) : undefined,
    totalAcwMs,
    statusTime: timePerStatus(statuses, start, Math.min(options.now, end)),
  };
}

function timePerStatus(statuses: StatusRecord[], from: number, to: number): StatusTime[] {
  // Stable sort: two changes in the same millisecond keep the order they were appended in.
  const ordered = [...statuses].sort((a, b) => a.at - b.at);
  const totals = new Map<string, StatusTime>();
  ordered.forEach((status, i) => {
    const begin = Math.max(status.at, from);
    const finish = Math.min(ordered[i + 1]?.at ?? to, to);
    if (finish <= begin) return;
    const entry = totals.get(status.statusId) ?? { statusId: status.statusId, label: '', ms: 0 };
    entry.label = status.label;
    entry.ms += finish - begin;
    totals.set(status.statusId, entry);
  });
  return [...totals.values()];
}

/** A duration from two timestamps, when both are known and in order. */
function span(from: number | undefined, to: number | undefined): number | undefined {
  return from !== undefined && to !== undefined && to >= from ? to - from : undefined;
}

/** dailyMetrics over HistoryLog.today(), counting the status carried over midnight. */
export function todayMetrics(today: TodayRecords, options: DailyMetricsOptions): DailyMetrics {
  const carried = today.statusAtDayStart;
  return dailyMetrics(carried ? [carried, ...today.records] : today.records, options);
}
