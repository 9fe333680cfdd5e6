/**
 * Brings the agent's line back after the connection to the SIP server dropped, on the desk's
 * clock rather than JsSIP's: JsSIP's own recovery backs off to 30 s, so an agent could sit
 * unreachable for half a minute after the server was back (measured: 4 to 25 s).
 *
 * While the line is lost, one attempt is scheduled at a time with a bounded, jittered backoff
 * (reconnectDelay.ts); a sign that the network or the machine is back (network up, resume)
 * tries at once and starts the backoff over. The engine picks the server (the profile's
 * order, moving past one that just failed), so this only says when.
 */
import type { Clock, EnginePort, TimerHandle } from '../ports';
import { reconnectDelayMs } from './reconnectDelay';

export class Reconnection {
  private attempt = 0;
  private timer: TimerHandle | undefined;
  private lost = false;

  constructor(
    private readonly engine: EnginePort,
    private readonly clock: Clock,
    private readonly random: () => number,
    /** Whether the reconnected line should register (the agent is not Offline). */
    private readonly registerWanted: () => boolean,
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** The connection dropped, or an attempt failed: the next attempt is scheduled. */
  connectionLost(): void {
    this.lost = true;
    this.schedule();
  }

  /** The connection is up again: the backoff starts over next time. */
  connectionRestored(): void {
    this.lost = false;
    this.attempt = 0;
    this.cancelTimer();
  }

  /**
   * The network came back or the machine woke up. A lost line is tried now; a line that looks
   * connected is refreshed, because after a sleep the socket may be dead without knowing it.
   */
  tryNow(): void {
    this.cancelTimer();
    this.attempt = 0;
    this.engine.send({ type: 'reconnect', register: this.registerWanted() });
  }

  /** Signed out or the engine was replaced: nothing more to retry. */
  stop(): void {
    this.lost = false;
    this.attempt = 0;
    this.cancelTimer();
  }

  private schedule(): void {
    this.cancelTimer();
    const delay = reconnectDelayMs(this.attempt, this.random());
    this.attempt += 1;
    this.timer = this.clock.after(delay, () => {
      this.timer = undefined;
      if (this.lost) this.engine.send({ type: 'reconnect', register: this.registerWanted() });
    });
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
