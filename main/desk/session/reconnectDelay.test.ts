import { describe, expect, it } from 'vitest';
import { RECONNECT_CAP_MS, reconnectDelayMs } from './reconnectDelay';

describe('reconnectDelayMs', () => {
  it('waits between half and all of a step that doubles from 500 ms: 250-500, 500-1000, 1000-2000 ms', () => {
    expect([0, 1, 2].map((attempt) => reconnectDelayMs(attempt, 0))).toEqual([250, 500, 1000]);
    expect([0, 1, 2].map((attempt) => reconnectDelayMs(attempt, 0.999999))).toEqual([
      500, 1000, 2000,
    ]);
  });

  it('never waits longer than 2.5 s, however many attempts failed', () => {
    expect(reconnectDelayMs(3, 0.999999)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelayMs(60, 0.999999)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelayMs(3, 0)).toBe(RECONNECT_CAP_MS / 2);
  });

  it('spreads agents over the step with the random draw (jitter), halfway at 0.5', () => {
    expect(reconnectDelayMs(2, 0.5)).toBe(1500);
  });
});
