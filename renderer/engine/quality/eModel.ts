/**
 * Mean opinion score estimate from network figures: a simplified ITU-T G.107 E-model, as
 * commonly used for VoIP monitoring (Cole and Rosenbluth, 2001).
 *
 *   R = 93.2 - Id - Ie,eff
 *   Id: delay impairment from the one-way mouth-to-ear delay d (ms):
 *       0.024 d + 0.11 (d - 177.3) when d > 177.3
 *   Ie,eff = Ie + (95 - Ie) * Ppl / (Ppl + Bpl): packet loss impairment, with Ie = 0 and
 *       Bpl = 25.1, G.113 Appendix I's figure for G.711 with packet loss concealment (Opus
 *       conceals at least as well, so this errs on the side of a lower score).
 *   MOS = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R), clamped to [1, 4.5].
 *
 * d is half the round-trip time plus a jitter buffer of twice the jitter plus 10 ms of
 * packetisation; without an RTT measurement the network delay counts as 20 ms.
 */
export interface NetworkFigures {
  /** Packets lost, percent. */
  readonly lossPct: number;
  readonly jitterMs: number;
  readonly rttMs?: number;
}

const DEFAULT_RTT_MS = 40;
const PACKETISATION_MS = 10;
const LOSS_ROBUSTNESS = 25.1;
const MAX_MOS = 4.5;

export function oneWayDelayMs({ jitterMs, rttMs }: NetworkFigures): number {
  return (rttMs ?? DEFAULT_RTT_MS) / 2 + 2 * jitterMs + PACKETISATION_MS;
}

export function rFactor(figures: NetworkFigures): number {
  const delay = oneWayDelayMs(figures);
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const loss = Math.min(100, Math.max(0, figures.lossPct));
  const lossImpairment = (95 * loss) / (loss + LOSS_ROBUSTNESS);
  return 93.2 - delayImpairment - lossImpairment;
}

export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return MAX_MOS;
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  return Math.min(MAX_MOS, Math.max(1, mos));
}

/** MOS rounded to two decimals, 1 (bad) to 4.5 (best). */
export function estimateMos(figures: NetworkFigures): number {
  return Math.round(mosFromR(rFactor(figures)) * 100) / 100;
}
