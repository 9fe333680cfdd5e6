/**
 * Watches that the engine page is alive, because a hung or gone engine is otherwise invisible:
 * measured before this existed, the UI kept showing a connected, registered call with no
 * notice, and End moved the contact to ACW while the customer still heard the agent for 10 s.
 *
 * It sits between the desk and the engine link (an EnginePort itself): a heartbeat `ping`
 * every second must be answered within three; End (a `hangup`) sends one at once, so an agent
 * ending a call on a hung engine learns it within those three seconds, not never. The shell
 * reports a page that crashed or closed. Any of these calls `lost` once, and the supervisor
 * stays quiet until the next engine page says `ready`.
 */
import type { EngineCommand, EngineEvent } from '../../common/contract';
import type { Clock, EnginePort, TimerHandle } from '../desk/ports';

export type EngineLoss = 'notResponding' | 'gone';

export interface EngineSupervisorOptions {
  /** How often the engine is pinged. */
  heartbeatMs?: number;
  /** How long without a pong means the engine is hung (a few missed beats: GC pauses happen). */
  silenceMs?: number;
}

export const DEFAULT_HEARTBEAT_MS = 1_000;
export const DEFAULT_SILENCE_MS = 3_000;

export class EngineSupervisor implements EnginePort {
  private watching = false;
  private seq = 0;
  private lastSign = 0;
  private beat: TimerHandle | undefined;
  private deadline: TimerHandle | undefined;
  private readonly heartbeatMs: number;
  private readonly silenceMs: number;

  constructor(
    private readonly engine: EnginePort,
    private readonly clock: Clock,
    private readonly lost: (reason: EngineLoss) => void,
    options: EngineSupervisorOptions = {},
  ) {
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
    this.silenceMs = options.silenceMs ?? DEFAULT_SILENCE_MS;
  }

  send(command: EngineCommand): void {
    this.engine.send(command);
    // End must not look done while the engine cannot do it: ask for a sign of life now.
    if (command.type === 'hangup' && this.watching) this.ping();
  }

  /** Every event from the engine page, before the desk sees it. */
  observe(event: EngineEvent): void {
    if (event.type === 'ready') return this.start();
    if (!this.watching) return;
    // Any event is a sign of life; a pong may be queued behind a burst of them.
    this.lastSign = this.clock.now();
    if (event.type === 'pong') {
      this.deadline?.cancel();
      this.deadline = undefined;
    }
  }

  /** The shell saw the engine page crash or close. */
  gone(): void {
    this.fail('gone');
  }

  private start(): void {
    this.stop();
    this.watching = true;
    this.lastSign = this.clock.now();
    this.schedule();
  }

  private schedule(): void {
    // stop() cancels the beat, so a beat that runs is always one of a watched page.
    this.beat = this.clock.after(this.heartbeatMs, () => {
      this.ping();
      this.schedule();
    });
  }

  private ping(): void {
    this.seq += 1;
    this.engine.send({ type: 'ping', seq: this.seq });
    // One deadline at a time, from the oldest unanswered ping; the next beat arms a new one.
    if (this.deadline) return;
    const sentAt = this.clock.now();
    this.deadline = this.clock.after(this.silenceMs, () => {
      this.deadline = undefined;
      // Heard of since the ping went out (an event in the same millisecond came before it).
      if (this.lastSign <= sentAt) this.fail('notResponding');
    });
  }

  private fail(reason: EngineLoss): void {
    if (!this.watching) return;
    this.stop();
    this.lost(reason);
  }

  /** The app is closing: no more pings, no more verdicts. */
  stop(): void {
    this.watching = false;
    this.beat?.cancel();
    this.beat = undefined;
    this.deadline?.cancel();
    this.deadline = undefined;
  }
}
