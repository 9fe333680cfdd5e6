import { describe, expect, it } from 'vitest';
import { QualityReportGate } from './QualityReportGate';

const good = { mos: 4.4, lossPct: 0, jitterMs: 2, rttMs: 10 };

describe('QualityReportGate', () => {
  it('lets the first reading through, then only meaningful changes', () => {
    const gate = new QualityReportGate();
    expect(gate.admit(good, 0)).toBe(true);
    expect(gate.admit({ ...good, mos: 4.35, lossPct: 0.3, jitterMs: 8, rttMs: 40 }, 2000)).toBe(
      false,
    );
    expect(gate.admit({ ...good, mos: 4.25 }, 4000)).toBe(true);
    expect(gate.admit({ ...good, mos: 4.25, lossPct: 0.6 }, 6000)).toBe(true);
    expect(gate.admit({ ...good, mos: 4.25, lossPct: 0.6, rttMs: 70 }, 8000)).toBe(true);
  });

  it('compares with the last reading reported, so slow drifts still get through', () => {
    const gate = new QualityReportGate();
    gate.admit(good, 0);
    expect(gate.admit({ ...good, mos: 4.34 }, 2000)).toBe(false);
    expect(gate.admit({ ...good, mos: 4.29 }, 4000)).toBe(true);
  });

  it('repeats an unchanged reading every 10 s', () => {
    const gate = new QualityReportGate();
    gate.admit(good, 0);
    expect(gate.admit(good, 8000)).toBe(false);
    expect(gate.admit(good, 10_000)).toBe(true);
    expect(gate.admit(good, 12_000)).toBe(false);
  });

  it('treats a round trip appearing or vanishing as a change', () => {
    const gate = new QualityReportGate();
    gate.admit({ mos: 4.4, lossPct: 0, jitterMs: 2 }, 0);
    expect(gate.admit(good, 2000)).toBe(true);
  });
});
