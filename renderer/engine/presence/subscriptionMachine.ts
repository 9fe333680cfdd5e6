/**
 * One presence subscription's life (D5), as an explicit state machine, apart from JsSIP so
 * every path is testable: what the watcher shows, and what the engine must do next.
 *
 * JsSIP's Subscriber sends the SUBSCRIBE, its refreshes before expiry and the un-SUBSCRIBE;
 * this machine decides what each outcome means for the agent:
 * - a NOTIFY's PIDF sets the shown presence; a refresh (accepted again) keeps it;
 * - a refusal (489 Bad Event, 405, 404, 403...) means this server publishes no presence
 *   for that target: `unknown`, quietly, and no retry until the connection is new;
 * - the subscription ending by itself (expired, deactivated, a timeout) is renewed at once,
 *   or after the server's retry-after (probation); rejected/noresource are final;
 * - no answer or a transport error: `unknown`, and a retry after RETRY_MS;
 * - the connection lost: `unknown` (nobody vouches any more) until it is back, then again.
 */
import type { PresenceState } from '../../../common/contract';
import type { PidfReading } from './pidf';

export type SubscriptionPhase = 'idle' | 'subscribing' | 'active' | 'waiting' | 'refused';

export interface SubscriptionView {
  phase: SubscriptionPhase;
  presence: PresenceState;
  note?: string;
}

/** Why JsSIP ended a subscription, as the machine needs it. */
export type Termination =
  | { kind: 'refused' }
  | { kind: 'noAnswer' }
  | { kind: 'ended'; reason?: string; retryAfterSec?: number };

export type SubscriptionEvent =
  /** The connection is up (first time, or again after a loss): subscribe if not already. */
  | { type: 'connected' }
  | { type: 'accepted' }
  | { type: 'notify'; reading: PidfReading | undefined }
  | { type: 'terminated'; termination: Termination }
  | { type: 'retryDue' }
  | { type: 'connectionLost' };

export type SubscriptionAction =
  | { type: 'subscribe' }
  /** Forget the JsSIP subscriber without a request (its connection is gone). */
  | { type: 'drop' }
  | { type: 'retryIn'; ms: number };

/** How long an unanswered subscription waits before it is tried again. */
export const RETRY_MS = 30_000;
/** Reasons (RFC 6665 4.1.3) after which subscribing again is pointless. */
const FINAL_REASONS = new Set(['rejected', 'noresource', 'giveup']);

export const INITIAL: SubscriptionView = { phase: 'idle', presence: 'unknown' };

function unknown(phase: SubscriptionPhase): SubscriptionView {
  return { phase, presence: 'unknown' };
}

export function nextSubscription(
  view: SubscriptionView,
  event: SubscriptionEvent,
): { view: SubscriptionView; actions: SubscriptionAction[] } {
  const stay = { view, actions: [] };
  switch (event.type) {
    case 'connected':
      // Already subscribed or subscribing: a REGISTER refresh is not a new connection.
      if (view.phase === 'subscribing' || view.phase === 'active') return stay;
      return { view: { ...view, phase: 'subscribing' }, actions: [{ type: 'subscribe' }] };
    case 'accepted':
      if (view.phase !== 'subscribing' && view.phase !== 'active') return stay;
      return { view: { ...view, phase: 'active' }, actions: [] };
    case 'notify': {
      if (view.phase !== 'subscribing' && view.phase !== 'active') return stay;
      // A body that is not PIDF tells nothing: keep what was shown.
      if (!event.reading) return { view: { ...view, phase: 'active' }, actions: [] };
      const { state, note } = event.reading;
      return {
        view:
          note === undefined
            ? { phase: 'active', presence: state }
            : { phase: 'active', presence: state, note },
        actions: [],
      };
    }
    case 'terminated':
      return terminated(view, event.termination);
    case 'retryDue':
      if (view.phase !== 'waiting') return stay;
      return { view: { ...view, phase: 'subscribing' }, actions: [{ type: 'subscribe' }] };
    case 'connectionLost': {
      // Only a live subscription has a JsSIP subscriber to forget; a due retry finds idle.
      const live = view.phase === 'subscribing' || view.phase === 'active';
      return { view: unknown('idle'), actions: live ? [{ type: 'drop' }] : [] };
    }
  }
}

function terminated(
  view: SubscriptionView,
  termination: Termination,
): { view: SubscriptionView; actions: SubscriptionAction[] } {
  if (view.phase !== 'subscribing' && view.phase !== 'active') return { view, actions: [] };
  switch (termination.kind) {
    case 'refused':
      return { view: unknown('refused'), actions: [] };
    case 'noAnswer':
      return { view: unknown('waiting'), actions: [{ type: 'retryIn', ms: RETRY_MS }] };
    case 'ended': {
      const reason = termination.reason?.toLowerCase();
      if (reason !== undefined && FINAL_REASONS.has(reason)) {
        return { view: unknown('refused'), actions: [] };
      }
      if (termination.retryAfterSec !== undefined && termination.retryAfterSec > 0) {
        const ms = Math.min(termination.retryAfterSec, 3600) * 1000;
        return { view: unknown('waiting'), actions: [{ type: 'retryIn', ms }] };
      }
      // Expired or deactivated: subscribe again now; what was shown stays until it answers.
      return { view: { ...view, phase: 'subscribing' }, actions: [{ type: 'subscribe' }] };
    }
  }
}
