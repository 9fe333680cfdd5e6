import { describe, expect, it } from 'vitest';
import { estimateMos, mosFromR, rFactor } from './eModel';

describe('E-model MOS estimate', () => {
  it('gives about 4.4 on a perfect network', () => {
    expect(estimateMos({ lossPct: 0, jitterMs: 0, rttMs: 1 })).toBeCloseTo(4.4, 1);
    expect(estimateMos({ lossPct: 0, jitterMs: 1, rttMs: 20 })).toBeGreaterThan(4.35);
  });

  it('is clearly lower with 5% loss and 300 ms round trip', () => {
    const mos = estimateMos({ lossPct: 5, jitterMs: 20, rttMs: 300 });
    expect(mos).toBeLessThan(3.8);
    expect(estimateMos({ lossPct: 0, jitterMs: 0, rttMs: 1 }) - mos).toBeGreaterThan(0.6);
  });

  it('falls monotonically with loss, jitter and round trip', () => {
    const base = { lossPct: 0, jitterMs: 5, rttMs: 50 };
    let previous = Infinity;
    for (let lossPct = 0; lossPct <= 60; lossPct += 2) {
      const mos = estimateMos({ ...base, lossPct });
      expect(mos).toBeLessThanOrEqual(previous);
      previous = mos;
    }
    previous = Infinity;
    for (let rttMs = 0; rttMs <= 1500; rttMs += 50) {
      const mos = estimateMos({ ...base, rttMs });
      expect(mos).toBeLessThanOrEqual(previous);
      previous = mos;
    }
    previous = Infinity;
    for (let jitterMs = 0; jitterMs <= 300; jitterMs += 10) {
      const mos = estimateMos({ ...base, jitterMs });
      expect(mos).toBeLessThanOrEqual(previous);
      previous = mos;
    }
  });

  it('stays within 1 to 4.5', () => {
    expect(estimateMos({ lossPct: 100, jitterMs: 500, rttMs: 3000 })).toBe(1);
    expect(mosFromR(-20)).toBe(1);
    // The polynomial dips just below 1 here (0.99); the clamp keeps the scale's floor.
    expect(mosFromR(5)).toBe(1);
    expect(mosFromR(10)).toBeGreaterThan(1);
    expect(mosFromR(120)).toBe(4.5);
  });

  it('counts delay beyond 177.3 ms one way as a steeper impairment', () => {
    const drop = (from: number, to: number) =>
      rFactor({ lossPct: 0, jitterMs: 0, rttMs: from }) -
      rFactor({ lossPct: 0, jitterMs: 0, rttMs: to });
    expect(drop(500, 600)).toBeGreaterThan(drop(100, 200) * 3);
  });
});
