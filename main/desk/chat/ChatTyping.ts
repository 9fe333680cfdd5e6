/**
 * The agent's typing indication (RFC 3994 isComposing) at a sane rate: `active` when typing
 * starts and again at most every REFRESH_MS while it goes on (the RFC's refresh, so the far
 * end's 120 s timeout never expires mid-typing), `idle` when the agent stops or sends. A
 * keystroke costs nothing on the wire in between.
 */
import type { Clock, EnginePort } from '../ports';

/** How often an `active` state is repeated while the agent keeps typing. */
export const TYPING_REFRESH_MS = 60_000;

export class ChatTyping {
  /** Target -> when `active` was last sent to it. */
  private readonly activeSince = new Map<string, number>();

  constructor(
    private readonly engine: EnginePort,
    private readonly clock: Clock,
  ) {}

  typing(target: string): void {
    const last = this.activeSince.get(target);
    const now = this.clock.now();
    if (last !== undefined && now - last < TYPING_REFRESH_MS) return;
    this.activeSince.set(target, now);
    this.engine.send({ type: 'chat-typing', target, active: true });
  }

  /** The agent stopped typing: idle, once, and only after an active. */
  stop(target: string): void {
    if (!this.activeSince.delete(target)) return;
    this.engine.send({ type: 'chat-typing', target, active: false });
  }

  /** A sent message ends the composing state on the far end by itself (RFC 3994 3.2). */
  sent(target: string): void {
    this.activeSince.delete(target);
  }
}
