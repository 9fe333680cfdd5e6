import { describe, expect, it } from 'vitest';
import { glareRetryDelayMs } from './glareRetryDelay';

describe('glareRetryDelayMs (RFC 3261 14.1)', () => {
  const draws = Array.from({ length: 1000 }, (_, index) => index / 1000).concat(0.999999);

  it('waits 2.1 to 4.0 s in 10 ms units for the Call-ID owner', () => {
    const delays = draws.map((r) => glareRetryDelayMs(true, () => r));
    expect(Math.min(...delays)).toBe(2100);
    expect(Math.max(...delays)).toBe(4000);
    expect(delays.every((ms) => ms % 10 === 0)).toBe(true);
  });

  it('waits 0 to 2.0 s in 10 ms units otherwise', () => {
    const delays = draws.map((r) => glareRetryDelayMs(false, () => r));
    expect(Math.min(...delays)).toBe(0);
    expect(Math.max(...delays)).toBe(2000);
    expect(delays.every((ms) => ms % 10 === 0)).toBe(true);
  });

  it('spreads the draws over the whole range', () => {
    expect(glareRetryDelayMs(false, () => 0.5)).toBe(1000);
    expect(glareRetryDelayMs(true, () => 0.5)).toBe(3050);
  });
});
