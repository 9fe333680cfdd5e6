import { describe, expect, it } from 'vitest';
import { dailyMetrics, todayMetrics } from './dailyMetrics';
import type { HistoryRecord } from './HistoryRecord';
import { contactAt, statusAt } from './historyRecords.testkit';

const MIN = 60_000;
/** The day is 2025-06-11 in UTC+2 (CEST): local midnight is 22:00 UTC the day before. */
const OFFSET = 120;
const at = (hours: number, minutes = 0) => Date.UTC(2025, 5, 11, hours, minutes) - OFFSET * MIN;
const NOW = at(12, 0);

const offline = statusAt(at(-6), 'offline', 'Offline'); // 18:00 the day before
const day: HistoryRecord[] = [
  offline,
  statusAt(at(8), 'available', 'Available'),
  contactAt(at(9, 10), 'a', { handleMs: 5 * MIN, acwMs: 1 * MIN }),
  // "a" saved again with its final ACW: replaces the first record, is not counted twice.
  contactAt(at(9, 12), 'a', { handleMs: 5 * MIN, acwMs: 1.5 * MIN, notes: 'done' }),
  // No durations stored: taken from the timestamps (12 min talk, 8 min ACW).
  contactAt(at(9, 40), 'b', {
    connectedAt: at(9, 20),
    endedAt: at(9, 32),
    acwEndedAt: at(9, 40),
  }),
  statusAt(at(10), 'break', 'Break'),
  statusAt(at(10, 15), 'available', 'Available'),
  contactAt(at(10, 30), 'm', { outcome: 'missed' }),
  contactAt(at(11), 'r', { outcome: 'rejected' }),
  contactAt(at(11, 30), 'c', { handleMs: 3 * MIN, acwMs: 0.5 * MIN }),
  // Connected, then the media failed: not handled, so not in the average; its ACW still counts.
  contactAt(at(11, 42), 'f', {
    outcome: 'failed',
    connectedAt: at(11, 40),
    endedAt: at(11, 41),
    acwEndedAt: at(11, 42),
  }),
  // Yesterday (23:30 local): another day's figure.
  contactAt(at(-1, 30), 'old', { handleMs: 60 * MIN, acwMs: 10 * MIN }),
];

describe('dailyMetrics', () => {
  it('computes the figures of a hand-checked day', () => {
    expect(dailyMetrics(day, { now: NOW, utcOffsetMinutes: OFFSET })).toEqual({
      dayStart: Date.UTC(2025, 5, 10, 22),
      dayEnd: Date.UTC(2025, 5, 11, 22),
      handled: 3,
      missed: 1,
      rejected: 1,
      abandoned: 0,
      failed: 1,
      // (5 + 12 + 3) min / 3
      averageHandleMs: 400_000,
      // 1.5 + 8 + 0.5 + 1 min
      totalAcwMs: 660_000,
      statusTime: [
        // 00:00-08:00, carried over midnight
        { statusId: 'offline', label: 'Offline', ms: 8 * 60 * MIN },
        // 08:00-10:00 and 10:15-12:00 (now)
        { statusId: 'available', label: 'Available', ms: 225 * MIN },
        { statusId: 'break', label: 'Break', ms: 15 * MIN },
      ],
    });
  });

  it('accounts for every minute since midnight when the earlier status is given', () => {
    const metrics = dailyMetrics(day, { now: NOW, utcOffsetMinutes: OFFSET });
    const total = metrics.statusTime.reduce((sum, status) => sum + status.ms, 0);
    expect(total).toBe(NOW - metrics.dayStart);
  });

  it('starts at the first change of the day without the status in effect at midnight', () => {
    const metrics = dailyMetrics(
      day.filter((record) => record !== offline),
      { now: NOW, utcOffsetMinutes: OFFSET },
    );
    expect(metrics.statusTime.map((status) => [status.statusId, status.ms])).toEqual([
      ['available', 225 * MIN],
      ['break', 15 * MIN],
    ]);
  });

  it('has no average handle time before the first handled contact', () => {
    const metrics = dailyMetrics([contactAt(at(9), 'm', { outcome: 'missed' })], {
      now: NOW,
      utcOffsetMinutes: OFFSET,
    });
    expect(metrics).toMatchObject({ handled: 0, missed: 1, averageHandleMs: undefined });
    expect(metrics.statusTime).toEqual([]);
  });

  it('ignores a status stamped after now (clock skew) instead of counting negative time', () => {
    const metrics = dailyMetrics(
      [statusAt(at(11), 'available'), statusAt(at(13), 'break', 'Break')],
      { now: NOW, utcOffsetMinutes: OFFSET },
    );
    expect(metrics.statusTime).toEqual([
      { statusId: 'available', label: 'Available', ms: 60 * MIN },
    ]);
  });

  it('uses the local time zone when no offset is given', () => {
    // Local wall-clock times on a day without a daylight-saving change anywhere.
    const local = (hours: number, minutes = 0) => new Date(2025, 5, 11, hours, minutes).getTime();
    const metrics = dailyMetrics(
      [
        statusAt(local(0, 30), 'available'),
        contactAt(local(1), 'a', { handleMs: 2 * MIN }),
        contactAt(local(-1), 'yesterday', { handleMs: 50 * MIN }),
      ],
      { now: local(1, 30) },
    );
    expect(metrics).toMatchObject({
      dayStart: local(0),
      handled: 1,
      averageHandleMs: 2 * MIN,
      statusTime: [{ statusId: 'available', ms: 60 * MIN }],
    });
  });

  it("counts the status carried over midnight from HistoryLog's day view", () => {
    const metrics = todayMetrics(
      {
        dayStart: at(0),
        dayEnd: at(24),
        records: [statusAt(at(9), 'break', 'Break')],
        statusAtDayStart: offline,
      },
      { now: NOW, utcOffsetMinutes: OFFSET },
    );
    expect(metrics.statusTime).toEqual([
      { statusId: 'offline', label: 'Offline', ms: 9 * 60 * MIN },
      { statusId: 'break', label: 'Break', ms: 3 * 60 * MIN },
    ]);
  });
});
