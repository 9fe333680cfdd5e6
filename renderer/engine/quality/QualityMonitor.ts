/**
 * Samples one call's WebRTC stats every two seconds while it is connected and reports its
 * quality (D3) through the gate, so main hears about changes, not about every sample.
 */
import { estimateMos } from './eModel';
import { type QualityFigures, QualityReportGate } from './QualityReportGate';
import { figuresBetween, readStatsSample, type StatsSample } from './statsSample';

export const QUALITY_SAMPLE_MS = 2000;

export class QualityMonitor {
  private timer: ReturnType<typeof setInterval> | undefined;
  private previous: StatsSample | undefined;
  private readonly gate = new QualityReportGate();
  private sampling = false;

  constructor(
    private readonly connection: RTCPeerConnection,
    private readonly report: (figures: QualityFigures) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sample(), QUALITY_SAMPLE_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async sample(): Promise<void> {
    // A slow getStats must not pile up samples.
    if (this.sampling || this.connection.connectionState === 'closed') return;
    this.sampling = true;
    try {
      const report = await this.connection.getStats();
      if (this.timer === undefined) return;
      const current = readStatsSample(report.values() as Iterable<Record<string, unknown>>);
      const network = figuresBetween(this.previous, current);
      this.previous = current;
      const figures: QualityFigures = { mos: estimateMos(network), ...network };
      if (this.gate.admit(figures, Date.now())) this.report(figures);
    } catch {
      // The connection closed under us: the call is ending, nothing to report.
    } finally {
      this.sampling = false;
    }
  }
}
