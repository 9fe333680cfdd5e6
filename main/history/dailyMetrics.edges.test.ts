/**
 * dailyMetrics at the edges of the day and of its durations: a contact exactly at midnight
 * belongs to the day that starts then, statuses given out of order still count in time order,
 * and a duration is taken only from two timestamps in order.
 */
import { describe, expect, it } from 'vitest';
import { dailyMetrics } from './dailyMetrics';
import { contactAt, statusAt } from './historyRecords.testkit';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** A UTC day: the offset makes the bounds independent of the machine's zone. */
const START = Date.UTC(2025, 5, 11);
const END = START + DAY;
const UTC = { utcOffsetMinutes: 0 };

describe('dailyMetrics, which contacts count today', () => {
  it('counts a contact recorded exactly at midnight today, not one a millisecond before', () => {
    const figures = dailyMetrics(
      [contactAt(START - 1, 'yesterday'), contactAt(START, 'midnight')],
      { now: START + 60 * MIN, ...UTC },
    );
    expect(figures.handled).toBe(1);
  });

  it('does not count a contact recorded at the next midnight', () => {
    const figures = dailyMetrics([contactAt(END - 1, 'late'), contactAt(END, 'tomorrow')], {
      now: END - 1,
      ...UTC,
    });
    expect(figures.handled).toBe(1);
  });
});

describe('dailyMetrics, handle time', () => {
  it('averages only handled contacts: a missed one with a handle time does not count', () => {
    const figures = dailyMetrics(
      [
        contactAt(START + MIN, 'h', { handleMs: 4 * MIN }),
        contactAt(START + 2 * MIN, 'm', { outcome: 'missed', handleMs: 100 * MIN }),
      ],
      { now: START + 10 * MIN, ...UTC },
    );
    expect(figures.averageHandleMs).toBe(4 * MIN);
  });

  it('leaves a handled contact without a known handle time out of the average', () => {
    const figures = dailyMetrics(
      [
        contactAt(START + MIN, 'known', { handleMs: 6 * MIN }),
        contactAt(START + 2 * MIN, 'unknown', { connectedAt: START + MIN }),
        contactAt(START + 3 * MIN, 'noConnect', { endedAt: START + 2 * MIN }),
      ],
      { now: START + 10 * MIN, ...UTC },
    );
    expect(figures.averageHandleMs).toBe(6 * MIN);
    expect(figures.handled).toBe(3);
  });

  it('ignores a handle time whose end is before its start (clock change), and counts zero', () => {
    const figures = dailyMetrics(
      [
        contactAt(START + 5 * MIN, 'backwards', {
          connectedAt: START + 4 * MIN,
          endedAt: START + 3 * MIN,
        }),
        contactAt(START + 6 * MIN, 'instant', {
          connectedAt: START + 4 * MIN,
          endedAt: START + 4 * MIN,
        }),
      ],
      { now: START + 10 * MIN, ...UTC },
    );
    expect(figures.averageHandleMs).toBe(0);
  });

  it('takes ACW from the timestamps only when both are there and in order', () => {
    const figures = dailyMetrics(
      [
        contactAt(START + 5 * MIN, 'ok', { endedAt: START + MIN, acwEndedAt: START + 3 * MIN }),
        contactAt(START + 6 * MIN, 'backwards', {
          endedAt: START + 3 * MIN,
          acwEndedAt: START + MIN,
        }),
        contactAt(START + 7 * MIN, 'noEnd', { acwEndedAt: START + 3 * MIN }),
      ],
      { now: START + 10 * MIN, ...UTC },
    );
    expect(figures.totalAcwMs).toBe(2 * MIN);
  });
});

describe('dailyMetrics, time per status', () => {
  it('orders statuses by time before measuring, whatever order they are given in', () => {
    const figures = dailyMetrics(
      [statusAt(START + 30 * MIN, 'break', 'Break'), statusAt(START, 'available', 'Available')],
      { now: START + 40 * MIN, ...UTC },
    );
    expect(figures.statusTime).toEqual([
      { statusId: 'available', label: 'Available', ms: 30 * MIN },
      { statusId: 'break', label: 'Break', ms: 10 * MIN },
    ]);
  });

  it('skips a status that lasted no time (two changes in the same millisecond)', () => {
    const figures = dailyMetrics(
      [statusAt(START + MIN, 'lunch', 'Lunch'), statusAt(START + MIN, 'available', 'Available')],
      { now: START + 3 * MIN, ...UTC },
    );
    expect(figures.statusTime).toEqual([
      { statusId: 'available', label: 'Available', ms: 2 * MIN },
    ]);
  });

  it('shows the latest label of a status renamed during the day', () => {
    const figures = dailyMetrics(
      [
        statusAt(START, 'available', 'Available'),
        statusAt(START + MIN, 'break', 'Break'),
        statusAt(START + 2 * MIN, 'available', 'Ready'),
      ],
      { now: START + 3 * MIN, ...UTC },
    );
    expect(figures.statusTime[0]).toEqual({ statusId: 'available', label: 'Ready', ms: 2 * MIN });
  });
});
