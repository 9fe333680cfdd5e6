/**
 * The ring deadline of one offer. A class of its own because it is the piece that must never
 * leak: every path out of `incoming` cancels it, and expiry releases the offer to the server.
 */
import type { Clock, TimerHandle } from '../ports';

export class OfferTimer {
  private handle: TimerHandle | undefined;
  readonly deadline: number;

  constructor(clock: Clock, timeoutMs: number, onExpire: () => void) {
    this.deadline = clock.now() + timeoutMs;
    this.handle = clock.after(timeoutMs, () => {
      this.handle = undefined;
      onExpire();
    });
  }

  cancel(): void {
    this.handle?.cancel();
    this.handle = undefined;
  }
}
