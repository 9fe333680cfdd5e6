import { describe, expect, it } from 'vitest';
import {
  INITIAL,
  nextSubscription,
  RETRY_MS,
  type SubscriptionEvent,
  type SubscriptionView,
} from './subscriptionMachine';

function run(events: SubscriptionEvent[], from: SubscriptionView = INITIAL) {
  let view = from;
  const actions = [];
  for (const event of events) {
    const next = nextSubscription(view, event);
    view = next.view;
    actions.push(...next.actions);
  }
  return { view, actions };
}

const AVAILABLE: SubscriptionEvent = {
  type: 'notify',
  reading: { state: 'available', note: 'Available' },
};
const SUBSCRIBED: SubscriptionEvent[] = [{ type: 'connected' }, { type: 'accepted' }, AVAILABLE];

describe('presence subscription', () => {
  it('shows unknown until the first NOTIFY, then what its PIDF says', () => {
    const before = run([{ type: 'connected' }, { type: 'accepted' }]);
    expect(before.view).toEqual({ phase: 'active', presence: 'unknown' });
    expect(before.actions).toEqual([{ type: 'subscribe' }]);
    expect(run(SUBSCRIBED).view).toEqual({
      phase: 'active',
      presence: 'available',
      note: 'Available',
    });
  });

  it('keeps the shown presence across a refresh, and follows each NOTIFY', () => {
    const refreshed = run([...SUBSCRIBED, { type: 'accepted' }]);
    expect(refreshed.view.presence).toBe('available');
    const away = run([
      ...SUBSCRIBED,
      { type: 'notify', reading: { state: 'away', note: 'Break' } },
    ]);
    expect(away.view).toEqual({ phase: 'active', presence: 'away', note: 'Break' });
  });

  it('keeps the shown presence when a NOTIFY carries no PIDF', () => {
    expect(run([...SUBSCRIBED, { type: 'notify', reading: undefined }]).view.presence).toBe(
      'available',
    );
  });

  it('degrades to unknown without retrying when the server refuses (489, 405, 404)', () => {
    const refused = run([...SUBSCRIBED, { type: 'terminated', termination: { kind: 'refused' } }]);
    expect(refused.view).toEqual({ phase: 'refused', presence: 'unknown' });
    expect(refused.actions).toEqual([{ type: 'subscribe' }]);
    // A registration refresh on the same connection does not try again.
    expect(nextSubscription(refused.view, { type: 'retryDue' }).actions).toEqual([]);
  });

  it('renews an expired subscription at once, keeping what it showed meanwhile', () => {
    const expired = nextSubscription(run(SUBSCRIBED).view, {
      type: 'terminated',
      termination: { kind: 'ended', reason: 'timeout' },
    });
    expect(expired.view).toEqual({
      phase: 'subscribing',
      presence: 'available',
      note: 'Available',
    });
    expect(expired.actions).toEqual([{ type: 'subscribe' }]);
  });

  it("waits the server's retry-after on probation, and gives up on rejected or noresource", () => {
    const probation = nextSubscription(run(SUBSCRIBED).view, {
      type: 'terminated',
      termination: { kind: 'ended', reason: 'probation', retryAfterSec: 90 },
    });
    expect(probation.view).toEqual({ phase: 'waiting', presence: 'unknown' });
    expect(probation.actions).toEqual([{ type: 'retryIn', ms: 90_000 }]);
    for (const reason of ['rejected', 'noresource']) {
      const final = nextSubscription(run(SUBSCRIBED).view, {
        type: 'terminated',
        termination: { kind: 'ended', reason },
      });
      expect(final).toEqual({ view: { phase: 'refused', presence: 'unknown' }, actions: [] });
    }
  });

  it('shows unknown after no answer and subscribes again when the retry is due', () => {
    const timedOut = run([
      { type: 'connected' },
      { type: 'terminated', termination: { kind: 'noAnswer' } },
    ]);
    expect(timedOut.view).toEqual({ phase: 'waiting', presence: 'unknown' });
    expect(timedOut.actions.at(-1)).toEqual({ type: 'retryIn', ms: RETRY_MS });
    expect(nextSubscription(timedOut.view, { type: 'retryDue' }).actions).toEqual([
      { type: 'subscribe' },
    ]);
  });

  it('shows unknown while the connection is lost and subscribes again once it is back', () => {
    const lost = nextSubscription(run(SUBSCRIBED).view, { type: 'connectionLost' });
    expect(lost).toEqual({
      view: { phase: 'idle', presence: 'unknown' },
      actions: [{ type: 'drop' }],
    });
    expect(nextSubscription(lost.view, { type: 'connected' }).actions).toEqual([
      { type: 'subscribe' },
    ]);
    // A refused server is asked again on a new connection: it may have been reconfigured.
    const refused = run([...SUBSCRIBED, { type: 'terminated', termination: { kind: 'refused' } }]);
    const back = run([{ type: 'connectionLost' }, { type: 'connected' }], refused.view);
    expect(back.actions).toEqual([{ type: 'subscribe' }]);
  });

  it('ignores a connection event while already subscribed, and late events once refused', () => {
    expect(nextSubscription(run(SUBSCRIBED).view, { type: 'connected' }).actions).toEqual([]);
    const refused = run([...SUBSCRIBED, { type: 'terminated', termination: { kind: 'refused' } }]);
    expect(nextSubscription(refused.view, AVAILABLE).view.presence).toBe('unknown');
  });
});
