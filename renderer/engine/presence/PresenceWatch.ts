/**
 * The colleagues the desk watches (D5): one SUBSCRIBE (event `presence`) per agent quick
 * connect target, each run by its subscription machine, and each change reported to main.
 * JsSIP's Subscriber sends the requests and refreshes; the machine decides what they mean.
 */
import type * as JsSIP from 'jssip';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { EngineEvent } from '../../../common/contract';
import { onEmptyNotify } from '../sip/jssipRequests';
import { readNotifyBody } from './pidf';
import {
  INITIAL,
  nextSubscription,
  type SubscriptionEvent,
  type SubscriptionView,
  type Termination,
} from './subscriptionMachine';

/** Asked for per subscription; the server may shorten it, JsSIP refreshes before it ends. */
export const SUBSCRIBE_EXPIRES_SEC = 600;
const PIDF = 'application/pidf+xml';

interface Watched {
  view: SubscriptionView;
  subscriber?: Subscriber;
  retry?: ReturnType<typeof setTimeout>;
}

type Report = (event: EngineEvent) => void;

export class PresenceWatch {
  private readonly watched = new Map<string, Watched>();
  private ua: JsSIP.UA | undefined;

  constructor(private readonly report: Report) {}

  /** Watch exactly these targets from now on. */
  watch(targets: readonly string[]): void {
    const wanted = new Set(targets);
    for (const [target, entry] of this.watched) {
      if (wanted.has(target)) continue;
      this.forget(entry, true);
      this.watched.delete(target);
    }
    for (const target of wanted) {
      if (this.watched.has(target)) continue;
      this.watched.set(target, { view: INITIAL });
      this.report({ type: 'presence', target, state: 'unknown' });
      if (this.ua) this.step(target, { type: 'connected' });
    }
  }

  /** The connection is up (first time or again): subscribe whatever is not subscribed. */
  connected(ua: JsSIP.UA): void {
    this.ua = ua;
    for (const target of this.watched.keys()) this.step(target, { type: 'connected' });
  }

  disconnected(): void {
    this.ua = undefined;
    for (const target of this.watched.keys()) this.step(target, { type: 'connectionLost' });
  }

  /**
   * Un-SUBSCRIBEs everything (sign-out, a new account) but keeps the targets: the next
   * connection subscribes them again. What was shown becomes unknown.
   */
  release(): void {
    this.ua = undefined;
    for (const [target, entry] of this.watched) {
      this.forget(entry, true);
      const shown = entry.view.presence !== 'unknown';
      entry.view = INITIAL;
      if (shown) this.report({ type: 'presence', target, state: 'unknown' });
    }
  }

  private forget(entry: Watched, unsubscribe: boolean): void {
    if (entry.retry !== undefined) clearTimeout(entry.retry);
    entry.retry = undefined;
    const subscriber = entry.subscriber;
    entry.subscriber = undefined;
    if (!subscriber) return;
    subscriber.removeAllListeners();
    if (!unsubscribe) return;
    try {
      subscriber.terminate();
    } catch {
      // Already terminated, or its connection is gone: nothing to undo.
    }
  }

  private step(target: string, event: SubscriptionEvent): void {
    const entry = this.watched.get(target);
    if (!entry) return;
    const before = entry.view;
    const { view, actions } = nextSubscription(before, event);
    entry.view = view;
    for (const action of actions) {
      switch (action.type) {
        case 'subscribe':
          this.forget(entry, false);
          this.subscribe(target, entry);
          break;
        case 'drop':
          this.forget(entry, false);
          break;
        case 'retryIn':
          if (entry.retry !== undefined) clearTimeout(entry.retry);
          entry.retry = setTimeout(() => {
            entry.retry = undefined;
            this.step(target, { type: 'retryDue' });
          }, action.ms);
          break;
      }
    }
    if (view.presence !== before.presence || view.note !== before.note) {
      this.report({
        type: 'presence',
        target,
        state: view.presence,
        ...(view.note !== undefined ? { note: view.note } : {}),
      });
    }
  }

  private subscribe(target: string, entry: Watched): void {
    const ua = this.ua;
    if (!ua) return;
    let subscriber: Subscriber;
    try {
      subscriber = ua.subscribe(target, 'presence', PIDF, {
        expires: SUBSCRIBE_EXPIRES_SEC,
        contentType: PIDF,
      });
    } catch {
      // Not a target JsSIP can address: the server will never say anything about it.
      this.step(target, { type: 'terminated', termination: { kind: 'refused' } });
      return;
    }
    entry.subscriber = subscriber;
    const current = () => this.watched.get(target)?.subscriber === subscriber;
    subscriber.on('accepted', () => {
      if (current()) this.step(target, { type: 'accepted' });
    });
    subscriber.on('notify', (isFinal, _request, body) => {
      // A final NOTIFY is followed by `terminated` with its reason: that decides.
      if (!current() || isFinal) return;
      this.step(target, { type: 'notify', reading: readNotifyBody(body) });
    });
    onEmptyNotify(subscriber, () => {
      if (current()) this.step(target, { type: 'notify', reading: readNotifyBody(undefined) });
    });
    subscriber.on('terminated', (code, reason, retryAfter) => {
      if (!current()) return;
      entry.subscriber = undefined;
      this.step(target, {
        type: 'terminated',
        termination: terminationOf(code, reason, retryAfter),
      });
    });
    subscriber.subscribe();
  }
}

/** JsSIP's termination codes (Subscriber.C) as the machine reads them. */
function terminationOf(
  code: number,
  reason: string | undefined,
  retryAfter: number | undefined,
): Termination {
  switch (code) {
    case 0: // SUBSCRIBE_RESPONSE_TIMEOUT
    case 1: // SUBSCRIBE_TRANSPORT_ERROR
    case 5: // UNSUBSCRIBE_TIMEOUT
      return { kind: 'noAnswer' };
    case 6: // FINAL_NOTIFY_RECEIVED
      return {
        kind: 'ended',
        ...(reason !== undefined ? { reason } : {}),
        ...(retryAfter !== undefined ? { retryAfterSec: retryAfter } : {}),
      };
    default:
      // NON_OK_RESPONSE (489, 405, 404, 403...), WRONG_OK_RESPONSE, AUTHENTICATION_FAILED,
      // WRONG_NOTIFY_RECEIVED: this server gives no presence for the target.
      return { kind: 'refused' };
  }
}
