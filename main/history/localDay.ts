/**
 * Which calendar day a moment belongs to, for "today's figures" and for export timestamps.
 *
 * By default the day is the machine's local day, taken from the process time zone through Date,
 * so it follows daylight-saving changes (a spring-forward day lasts 23 hours). A fixed
 * `utcOffsetMinutes` (east of UTC positive: +120 for CEST, -300 for EST) overrides it, for a
 * contact center that reports in its own zone and for tests that must not depend on the machine.
 */

export interface DayOptions {
  /** Fixed offset from UTC; omit to use the local time zone. */
  utcOffsetMinutes?: number;
}

export interface DayBounds {
  /** First millisecond of the day (epoch ms). */
  start: number;
  /** First millisecond of the next day. */
  end: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function dayBounds(now: number, options: DayOptions = {}): DayBounds {
  const offset = options.utcOffsetMinutes;
  if (offset !== undefined) {
    const shift = offset * MINUTE_MS;
    const start = Math.floor((now + shift) / DAY_MS) * DAY_MS - shift;
    return { start, end: start + DAY_MS };
  }
  const local = new Date(now);
  const [year, month, date] = [local.getFullYear(), local.getMonth(), local.getDate()];
  return {
    start: new Date(year, month, date).getTime(),
    end: new Date(year, month, date + 1).getTime(),
  };
}

/**
 * ISO-8601 with the offset spelled out ("2025-06-11T09:30:00.000+02:00"): unambiguous, and it
 * shows the agent's wall-clock time, which is what they compare with when reading an export.
 */
export function isoTime(at: number, options: DayOptions = {}): string {
  const offset = options.utcOffsetMinutes ?? -new Date(at).getTimezoneOffset();
  const wallClock = new Date(at + offset * MINUTE_MS).toISOString().slice(0, 23);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wallClock}${sign}${hours}:${minutes}`;
}
