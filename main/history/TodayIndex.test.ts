/**
 * TodayIndex: today's records in memory. The day starts at midnight inclusive, moving to a new
 * day keeps the new day's records and the status in effect at its midnight, and the clock
 * going back past midnight asks the caller to rebuild.
 */
import { describe, expect, it } from 'vitest';
import { contactAt, statusAt } from './historyRecords.testkit';
import { TodayIndex } from './TodayIndex';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MIDNIGHT = Date.UTC(2025, 5, 11);
const UTC = { utcOffsetMinutes: 0 };

describe('TodayIndex', () => {
  it('keeps a record at midnight exactly as today, and one a millisecond before as not', () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    index.add(contactAt(MIDNIGHT - 1, 'yesterday'));
    index.add(contactAt(MIDNIGHT, 'midnight'));
    expect(index.view(MIDNIGHT + HOUR)?.records.map((record) => record.at)).toEqual([MIDNIGHT]);
  });

  it('starts empty: no records and no carried status', () => {
    expect(new TodayIndex(MIDNIGHT + HOUR, UTC).view(MIDNIGHT + HOUR)).toEqual({
      dayStart: MIDNIGHT,
      dayEnd: MIDNIGHT + DAY,
      records: [],
      statusAtDayStart: undefined,
    });
  });

  it('carries the latest status set before midnight; on a tie the later one added', () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    index.add(statusAt(MIDNIGHT - 2 * HOUR, 'available'));
    index.add(statusAt(MIDNIGHT - HOUR, 'lunch'));
    index.add(statusAt(MIDNIGHT - 3 * HOUR, 'offline'));
    expect(index.view(MIDNIGHT + HOUR)?.statusAtDayStart?.statusId).toBe('lunch');
    index.add(statusAt(MIDNIGHT - HOUR, 'break'));
    expect(index.view(MIDNIGHT + HOUR)?.statusAtDayStart?.statusId).toBe('break');
  });

  it("moving to the next day keeps that day's records and carries yesterday's last status", () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    index.add(statusAt(MIDNIGHT + HOUR, 'available'));
    index.add(contactAt(MIDNIGHT + 2 * HOUR, 'today'));
    index.add(statusAt(MIDNIGHT + 23 * HOUR, 'lunch'));
    index.add(contactAt(MIDNIGHT + DAY, 'tomorrow at midnight'));
    const tomorrow = index.view(MIDNIGHT + DAY + HOUR);
    expect(tomorrow?.dayStart).toBe(MIDNIGHT + DAY);
    expect(tomorrow?.records.map((record) => record.at)).toEqual([MIDNIGHT + DAY]);
    expect(tomorrow?.statusAtDayStart?.statusId).toBe('lunch');
  });

  it('does not show records of a later day in the view of today', () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    index.add(contactAt(MIDNIGHT + DAY - 1, 'late today'));
    index.add(contactAt(MIDNIGHT + DAY, 'tomorrow'));
    expect(index.view(MIDNIGHT + HOUR)?.records.map((record) => record.at)).toEqual([
      MIDNIGHT + DAY - 1,
    ]);
  });

  it('gives the same day again without dropping anything', () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    index.add(contactAt(MIDNIGHT + 2 * HOUR, 'a'));
    index.view(MIDNIGHT + 3 * HOUR);
    expect(index.view(MIDNIGHT + 4 * HOUR)?.records).toHaveLength(1);
  });

  it('gives no view for a day before its own (clock set back): the caller rebuilds', () => {
    const index = new TodayIndex(MIDNIGHT + HOUR, UTC);
    expect(index.view(MIDNIGHT - 1)).toBeUndefined();
  });
});
