/**
 * Hangs up call legs the far side should have ended but may not.
 *
 * After an attended transfer (REFER with Replaces) the third party's phone swaps our dialog for
 * the customer's and sends us a BYE. A phone that does not, or a lost BYE, would leave a call
 * up with nobody on the agent's side, holding a line and the agent's microphone: after a grace
 * period the desk hangs it up itself. The contact has already moved on by then, so the leg is
 * tracked here, apart from any contact.
 */
import type { Clock, EnginePort, TimerHandle } from '../ports';

/** How long the far side gets to end a transferred leg by itself. */
export const TRANSFERRED_LEG_GRACE_MS = 5_000;

export class LegReaper {
  private readonly pending = new Map<string, TimerHandle>();

  constructor(
    private readonly clock: Clock,
    private readonly engine: EnginePort,
    private readonly graceMs = TRANSFERRED_LEG_GRACE_MS,
  ) {}

  /** Hangs `callId` up after the grace period unless `ended` reports it gone first. */
  hangUpLater(callId: string): void {
    this.pending.get(callId)?.cancel();
    this.pending.set(
      callId,
      this.clock.after(this.graceMs, () => {
        this.pending.delete(callId);
        this.engine.send({ type: 'hangup', callId });
      }),
    );
  }

  /** The leg ended; true when it was one this reaper was waiting for. */
  ended(callId: string): boolean {
    const timer = this.pending.get(callId);
    if (!timer) return false;
    timer.cancel();
    this.pending.delete(callId);
    return true;
  }
}
