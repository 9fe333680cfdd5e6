import { afterEach, describe, expect, it } from 'vitest';
import { dayBounds, isoTime } from './localDay';

const HOUR = 3_600_000;

describe('dayBounds', () => {
  it('cuts days at midnight of a fixed offset', () => {
    const now = Date.UTC(2025, 5, 11, 23, 30); // 01:30 on the 12th in UTC+2
    expect(dayBounds(now, { utcOffsetMinutes: 120 })).toEqual({
      start: Date.UTC(2025, 5, 11, 22),
      end: Date.UTC(2025, 5, 12, 22),
    });
    expect(dayBounds(now, { utcOffsetMinutes: -300 })).toEqual({
      start: Date.UTC(2025, 5, 11, 5),
      end: Date.UTC(2025, 5, 12, 5),
    });
  });

  it('starts a day exactly at its midnight', () => {
    const midnight = Date.UTC(2025, 5, 11);
    expect(dayBounds(midnight, { utcOffsetMinutes: 0 }).start).toBe(midnight);
    expect(dayBounds(midnight - 1, { utcOffsetMinutes: 0 }).start).toBe(midnight - 24 * HOUR);
  });

  describe('in the local time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });

    it('follows daylight saving: the spring-forward day has 23 hours', () => {
      process.env.TZ = 'Europe/Rome';
      const noon = Date.UTC(2025, 2, 30, 10); // 12:00 CEST on 30 March 2025
      expect(dayBounds(noon)).toEqual({
        start: Date.UTC(2025, 2, 29, 23), // 00:00 CET
        end: Date.UTC(2025, 2, 30, 22), // 00:00 CEST
      });
    });
  });
});

describe('isoTime', () => {
  const at = Date.UTC(2025, 5, 11, 7, 30, 5, 42);
  it('writes wall-clock time with its offset', () => {
    expect(isoTime(at, { utcOffsetMinutes: 120 })).toBe('2025-06-11T09:30:05.042+02:00');
    expect(isoTime(at, { utcOffsetMinutes: -90 })).toBe('2025-06-11T06:00:05.042-01:30');
    expect(isoTime(at, { utcOffsetMinutes: 0 })).toBe('2025-06-11T07:30:05.042+00:00');
  });

  it('names the same instant as the UTC form', () => {
    expect(Date.parse(isoTime(at))).toBe(at);
  });
});
