import { describe, expect, it } from 'vitest';
import { expiresOverflowsTimer, MAX_TIMER_MS } from './offerExpiry';

describe('expiresOverflowsTimer', () => {
  it('is true from the first second setTimeout cannot hold (2147484 s)', () => {
    expect(expiresOverflowsTimer('2147484')).toBe(true);
    expect(expiresOverflowsTimer(' 4294967295 ')).toBe(true);
  });

  it('is false up to the last second setTimeout can hold, and for ordinary values', () => {
    expect(Math.floor(MAX_TIMER_MS / 1000)).toBe(2147483);
    expect(expiresOverflowsTimer('2147483')).toBe(false);
    expect(expiresOverflowsTimer('120')).toBe(false);
  });

  it('is false without a header or with one that is not a finite number', () => {
    expect(expiresOverflowsTimer(undefined)).toBe(false);
    expect(expiresOverflowsTimer('soon')).toBe(false);
    expect(expiresOverflowsTimer('Infinity')).toBe(false);
  });

  it('compares in milliseconds: exactly the limit still fits, a thousandth of a second more does not', () => {
    expect(expiresOverflowsTimer('2147483.647')).toBe(false);
    expect(expiresOverflowsTimer('2147483.648')).toBe(true);
  });
});
