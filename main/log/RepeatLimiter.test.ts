import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RepeatLimiter } from './RepeatLimiter';

describe('RepeatLimiter', () => {
  let summaries: Array<{ sample: string; suppressed: number }>;
  let limiter: RepeatLimiter<string>;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    summaries = [];
    limiter = new RepeatLimiter<string>({
      maxPerWindow: 3,
      windowMs: 1000,
      onSuppressed: (sample, suppressed) => summaries.push({ sample, suppressed }),
      timers: {
        now: () => Date.now(),
        after: (ms, callback) => void setTimeout(callback, ms),
      },
    });
  });
  afterEach(() => vi.useRealTimers());

  it('admits the first three of a key in a second and counts the rest', () => {
    const admitted = Array.from({ length: 10 }, () => limiter.admit('call offered', 'first'));
    expect(admitted).toEqual([true, true, true, false, false, false, false, false, false, false]);
  });

  it('writes one summary with the number left out when the window closes', () => {
    for (let i = 0; i < 1000; i += 1) limiter.admit('call offered', 'call offered');
    expect(summaries).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(summaries).toEqual([{ sample: 'call offered', suppressed: 997 }]);
  });

  it('writes no summary for a window that stayed under the limit', () => {
    limiter.admit('call offered', 'x');
    limiter.admit('call offered', 'x');
    vi.advanceTimersByTime(5000);
    expect(summaries).toEqual([]);
  });

  it('counts each key on its own: a flood of one message does not silence another', () => {
    for (let i = 0; i < 10; i += 1) limiter.admit('call offered', 'offered');
    expect(limiter.admit('call ended', 'ended')).toBe(true);
  });

  it('admits the key again in the next window', () => {
    for (let i = 0; i < 10; i += 1) limiter.admit('call offered', 'offered');
    vi.advanceTimersByTime(1000);
    expect(limiter.admit('call offered', 'offered')).toBe(true);
  });

  it('closes an overdue window in order when its timer has not run yet (busy event loop)', () => {
    for (let i = 0; i < 5; i += 1) limiter.admit('call offered', 'offered');
    vi.setSystemTime(1500); // the clock moved on, the timer did not fire
    expect(limiter.admit('call offered', 'offered')).toBe(true);
    expect(summaries).toEqual([{ sample: 'offered', suppressed: 2 }]);
    vi.advanceTimersByTime(1000); // the stale timer must not write the same summary again
    expect(summaries).toHaveLength(1);
  });

  it('flush writes pending summaries at once (quit, crash)', () => {
    for (let i = 0; i < 8; i += 1) limiter.admit('call offered', 'offered');
    limiter.flush();
    expect(summaries).toEqual([{ sample: 'offered', suppressed: 5 }]);
    vi.advanceTimersByTime(1000);
    expect(summaries).toHaveLength(1);
  });
});
