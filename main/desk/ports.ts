/**
 * What AgentDesk needs from the outside world, as interfaces, so the desk runs unchanged in the
 * Electron main process, in the Node test harness and in unit tests with a fake clock.
 */
import type { EngineCommand } from '../../common/contract';
import type { ContactDraft } from './contacts/contactDraft';

/** The hidden engine renderer, seen from the desk: it takes commands and reports events back. */
export interface EnginePort {
  send(command: EngineCommand): void;
}

/** The desk's log: what it decided and why, never the password. */
export interface DeskLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

/**
 * Where the contacts' drafts are kept as the agent types (the drafts journal): the desk hands
 * over the whole set after every change, the journal decides when to write (it coalesces).
 * An empty set means no contact is open, and nothing is left to restore.
 */
export interface DraftJournalPort {
  record(drafts: readonly ContactDraft[]): void;
}

export type TimerHandle = { readonly cancel: () => void };

export interface Clock {
  now(): number;
  /** Runs `callback` once after `ms`; the handle cancels it. */
  after(ms: number, callback: () => void): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, callback) {
    const timer = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(timer) };
  },
};
