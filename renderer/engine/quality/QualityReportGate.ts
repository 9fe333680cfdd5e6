/**
 * Decides which quality readings are worth an IPC message: the first one, any that moved
 * meaningfully, and otherwise one every so often so the desk knows the figures are current.
 */
export interface QualityFigures {
  readonly mos: number;
  readonly lossPct: number;
  readonly jitterMs: number;
  readonly rttMs?: number;
}

export interface QualityThresholds {
  readonly mos: number;
  readonly lossPct: number;
  readonly jitterMs: number;
  readonly rttMs: number;
  /** Report at least this often even when nothing moved. */
  readonly heartbeatMs: number;
}

export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  mos: 0.1,
  lossPct: 0.5,
  jitterMs: 10,
  rttMs: 50,
  heartbeatMs: 10_000,
};

export class QualityReportGate {
  private last: { figures: QualityFigures; at: number } | undefined;

  constructor(private readonly thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS) {}

  /** True when `figures` should be reported; remembers them as reported. */
  admit(figures: QualityFigures, now: number): boolean {
    if (
      !this.last ||
      this.changed(this.last.figures, figures) ||
      now - this.last.at >= this.thresholds.heartbeatMs
    ) {
      this.last = { figures, at: now };
      return true;
    }
    return false;
  }

  private changed(before: QualityFigures, after: QualityFigures): boolean {
    const moved = (a: number | undefined, b: number | undefined, by: number) =>
      a === undefined || b === undefined ? a !== b : Math.abs(a - b) >= by;
    const t = this.thresholds;
    return (
      moved(before.mos, after.mos, t.mos) ||
      moved(before.lossPct, after.lossPct, t.lossPct) ||
      moved(before.jitterMs, after.jitterMs, t.jitterMs) ||
      moved(before.rttMs, after.rttMs, t.rttMs)
    );
  }
}
