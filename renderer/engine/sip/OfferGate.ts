/**
 * The engine's side of "may an offer ring now": main opens and closes the gate (it decides
 * routability); behind a closed gate the engine answers an INVITE 486 Busy Here on the spot.
 *
 * Before, every INVITE opened the microphone and made a round trip through main, which logged
 * it: 1,000 INVITEs in 10 s during a call delayed the agent's clicks by up to 2.5 s. Refusals
 * are reported to main as one summary per second at most, for its log.
 */
import type { EngineEvent } from '../../../common/contract';

export const REFUSAL_SUMMARY_MS = 1_000;

type Summary = Extract<EngineEvent, { type: 'offers-refused' }>;

export class OfferGate {
  private open = true;
  private refused = 0;
  private lastFrom = '';
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly report: (summary: Summary) => void) {}

  get mayRing(): boolean {
    return this.open;
  }

  set(ring: boolean): void {
    this.open = ring;
  }

  /** An offer was refused behind the closed gate: counted into the next summary. */
  refusedOne(from: string): void {
    this.refused += 1;
    this.lastFrom = from.slice(0, 256);
    this.summaryTimer ??= setTimeout(() => this.flush(), REFUSAL_SUMMARY_MS);
  }

  private flush(): void {
    this.summaryTimer = undefined;
    if (this.refused === 0) return;
    this.report({ type: 'offers-refused', count: this.refused, lastFrom: this.lastFrom });
    this.refused = 0;
  }
}
