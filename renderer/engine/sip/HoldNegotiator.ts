/**
 * Keeps one call's hold in the state the agent wants, whatever the network does.
 *
 * One re-INVITE at a time. If the agent changes their mind while one is under way, the next
 * one goes out when it completes. A 491 (both ends re-INVITEd at once) withdraws our offer
 * and retries after RFC 3261's randomised wait; a far end still answering its own offer makes
 * us wait briefly; any other refusal restores the last agreed state and keeps the call up.
 * The media side (transceiver direction, what the sender carries) follows the wanted state
 * from the moment an offer goes out, so an answer WebRTC writes to the far end's re-INVITE
 * meanwhile keeps our hold ("no lost hold state").
 */
import { glareRetryDelayMs } from './glareRetryDelay';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import type { ReinviteOutcome } from './jssipInternals';

/** What the negotiator needs from the call; jssipInternals provides it in the app. */
export interface HoldPort {
  /** False while another offer/answer is under way on this dialog. */
  isReadyToReOffer(): boolean;
  /** Sets the media and the SDP direction of our next offer for `held`. */
  applyLocally(held: boolean): void;
  /** Sends a re-INVITE carrying the state last applied. */
  reinvite(): Promise<ReinviteOutcome>;
  /** Withdraws our unanswered offer, back to the media last agreed. */
  withdraw(): Promise<void>;
  /** The Call-ID owner (sent the initial INVITE) waits longer after a glare. */
  ownsCallId(): boolean;
}

export type HoldReport =
  | { type: 'hold'; held: boolean }
  | { type: 'hold-failed'; held: boolean; cause: string; statusCode?: number };

export interface HoldTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** In [0, 1): the RFC 3261 wait is drawn from it. */
  random(): number;
}

const realTimers: HoldTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  random: () => Math.random(),
};

/** How long to wait when the far end's own offer is still being answered. */
export const NOT_READY_RETRY_MS = 200;
/** Give up after this many such waits (10 s): something is stuck. */
export const MAX_NOT_READY_WAITS = 50;
/** Give up after this many 491s in a row: the far end keeps re-INVITEing. */
export const MAX_GLARE_RETRIES = 5;

type Phase = 'idle' | 'offering' | 'waiting' | 'closed';

const TRANSITIONS: Readonly<Record<Phase, readonly Phase[]>> = {
  // idle -> idle: a request for the state already agreed is acknowledged without an offer.
  idle: ['idle', 'offering', 'waiting', 'closed'],
  offering: ['idle', 'offering', 'waiting', 'closed'],
  waiting: ['idle', 'offering', 'waiting', 'closed'],
  closed: [],
};

export class HoldNegotiator {
  private phase: Phase = 'idle';
  private wanted = false;
  private confirmed = false;
  private timer: unknown;
  private notReadyWaits = 0;
  private glareRetries = 0;

  constructor(
    private readonly port: HoldPort,
    private readonly report: (event: HoldReport) => void,
    private readonly timers: HoldTimers = realTimers,
  ) {}

  /** The state both ends last agreed on. */
  get held(): boolean {
    return this.confirmed;
  }

  /** The agent wants the call held (true) or resumed (false). */
  request(held: boolean): void {
    if (this.phase === 'closed') throw new IllegalTransitionError('hold', this.phase, 'request');
    this.wanted = held;
    this.notReadyWaits = 0;
    this.glareRetries = 0;
    // While offering, the answer handler sends the next offer; while waiting, the timer does.
    if (this.phase === 'idle') this.next();
  }

  /** The call ended or its session was replaced: no more offers, no more reports. */
  close(): void {
    if (this.phase === 'closed') return;
    this.cancelTimer();
    this.moveTo('closed');
  }

  private next(): void {
    if (this.wanted === this.confirmed) {
      // A glare wait may have left the media at the other state; put it back.
      this.port.applyLocally(this.confirmed);
      this.moveTo('idle');
      this.report({ type: 'hold', held: this.confirmed });
      return;
    }
    if (!this.port.isReadyToReOffer()) {
      this.notReadyWaits += 1;
      if (this.notReadyWaits > MAX_NOT_READY_WAITS) {
        this.fail({ ok: false, cause: 'Renegotiation busy' });
        return;
      }
      this.waitThenRetry(NOT_READY_RETRY_MS);
      return;
    }
    void this.offer(this.wanted);
  }

  private async offer(target: boolean): Promise<void> {
    this.moveTo('offering');
    this.port.applyLocally(target);
    const outcome = await this.port.reinvite();
    if (this.isClosed()) return;
    if (outcome.ok) {
      this.confirmed = target;
      this.glareRetries = 0;
      this.report({ type: 'hold', held: target });
      if (this.wanted === this.confirmed) this.moveTo('idle');
      else this.next();
      return;
    }
    try {
      await this.port.withdraw();
    } catch {
      // The media could not be put back (the connection failed under it). The refusal is
      // still reported below and the media re-applied to the agreed state; letting the error
      // out would leave this negotiator offering forever and every later request unanswered.
    }
    if (this.isClosed()) return;
    if (outcome.statusCode === 491 && this.glareRetries < MAX_GLARE_RETRIES) {
      this.glareRetries += 1;
      this.waitThenRetry(glareRetryDelayMs(this.port.ownsCallId(), () => this.timers.random()));
      return;
    }
    this.fail(outcome);
  }

  /** A method, not an inline check: the call may close while an await is pending. */
  private isClosed(): boolean {
    return this.phase === 'closed';
  }

  private fail(outcome: Extract<ReinviteOutcome, { ok: false }>): void {
    this.port.applyLocally(this.confirmed);
    this.wanted = this.confirmed;
    this.moveTo('idle');
    this.report({
      type: 'hold-failed',
      held: this.confirmed,
      cause: outcome.cause,
      ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}),
    });
  }

  private waitThenRetry(ms: number): void {
    this.moveTo('waiting');
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      if (this.phase === 'waiting') this.next();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private moveTo(phase: Phase): void {
    if (!TRANSITIONS[this.phase].includes(phase)) {
      throw new IllegalTransitionError('hold', this.phase, phase);
    }
    this.phase = phase;
  }
}
