/** A call's legs ending in either order and by either side, and what the far end reports, through AgentDesk. */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, onCall } from './inCall.testkit';

describe('legs ending in either order, each by the far end or by the agent’s End on that party', () => {
  type Ender = 'remote' | 'agentLeg';
  type Leg = 'customer' | 'thirdParty';
  const orders: Array<[Leg, Ender, Ender, boolean]> = [];
  for (const first of ['customer', 'thirdParty'] as const) {
    for (const firstBy of ['remote', 'agentLeg'] as const) {
      for (const secondBy of ['remote', 'agentLeg'] as const) {
        for (const joined of [false, true]) orders.push([first, firstBy, secondBy, joined]);
      }
    }
  }

  it.each(orders)(
    '%s first (%s), then the other (%s), joined: %s: state, commands sent and notices',
    async (first, firstBy, secondBy, joined) => {
      const call = await onCall();
      const { desk, contact, ended, mark } = call;
      const third = call.consult();
      if (joined) desk.calls.join(CUSTOMER);
      const callIdOf = (leg: Leg) => (leg === 'customer' ? CUSTOMER : third);
      const endLeg = (leg: Leg, by: Ender) => {
        if (by === 'remote') return ended(callIdOf(leg));
        expect(desk.calls.endLeg(CUSTOMER, leg)).toEqual({ ok: true });
        // The engine reports our own hang-up back at once; it must change nothing more.
        ended(callIdOf(leg), 'local');
      };
      const second: Leg = first === 'customer' ? 'thirdParty' : 'customer';
      // The agent's End hangs up that party's call, and only it; a party who left needs none.
      const hangupFor = (leg: Leg, by: Ender) =>
        by === 'agentLeg' ? [{ type: 'hangup', callId: callIdOf(leg) }] : [];

      let sent = mark();
      endLeg(first, firstBy);
      expect(sent()).toEqual([
        ...hangupFor(first, firstBy),
        // Whoever leaves a conference ends the mix: the one left hears only the agent.
        ...(joined ? [{ type: 'mix', callIds: [] }] : []),
      ]);
      const middle = contact();
      expect(middle.state).toBe('connected');
      expect(middle.conference ?? false).toBe(false);
      const notice = desk.snapshot().notice?.code;
      if (first === 'customer') {
        expect(middle.customerLeft).toBe(true);
        expect(middle.thirdParty?.state).toBe('connected');
        // Our own hang-up reported back is not the customer leaving.
        expect(notice).toBe(firstBy === 'remote' ? 'customerLeft' : undefined);
        expect(desk.calls.hold(CUSTOMER, 'customer', true)).toEqual({
          ok: false,
          reason: 'customerLeft',
        });
      } else {
        expect(middle.thirdParty).toBeUndefined();
        expect(middle.customerLeft).toBeUndefined();
        expect(notice).toBe(firstBy === 'remote' ? 'thirdPartyLeft' : undefined);
      }

      sent = mark();
      endLeg(second, secondBy);
      expect(sent()).toEqual(hangupFor(second, secondBy));
      const last = contact();
      expect(last.state).toBe('acw');
      expect(last.thirdParty).toBeUndefined();
      expect(last.hold).toBe('none');
      // The contact is about the customer: it reports how the customer's call ended.
      const customerBy = first === 'customer' ? firstBy : secondBy;
      if (customerBy === 'remote') {
        expect(last).toMatchObject({ endedBy: 'customer', endReason: 'Terminated' });
        expect(last.endCode).toBeUndefined();
      } else {
        expect(last).toMatchObject({ endedBy: 'agent', endCode: 'agentEnded' });
        expect(last.endReason).toBeUndefined();
      }

      // The engine's late reports of our own hang-ups change nothing, and send nothing.
      sent = mark();
      ended(CUSTOMER, 'local');
      ended(third, 'local');
      expect(contact()).toEqual(last);
      expect(sent()).toEqual([]);
      expect(desk.contactIntents.clear(CUSTOMER)).toEqual({ ok: true });
      expect(desk.snapshot().agent.routable).toBe(true);
    },
  );

  it('agent ends all: hangs up both legs and stops the mix', async () => {
    const call = await onCall();
    const third = call.consult();
    call.desk.calls.join(CUSTOMER);
    const sent = call.mark();
    expect(call.desk.contactIntents.end(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'mix', callIds: [] },
      { type: 'hangup', callId: CUSTOMER },
      { type: 'hangup', callId: third },
    ]);
    expect(call.contact()).toMatchObject({ state: 'acw', endedBy: 'agent', conference: false });
    call.ended(third);
    call.ended(CUSTOMER);
    expect(call.contact().state).toBe('acw');
  });

  it('agent ends all after the customer left: hangs up only the third party', async () => {
    const call = await onCall();
    const third = call.consult();
    call.ended(CUSTOMER);
    const sent = call.mark();
    call.desk.contactIntents.end(CUSTOMER);
    expect(sent()).toEqual([{ type: 'hangup', callId: third }]);
    expect(call.contact().state).toBe('acw');
  });

  it('ending the customer leg with no third party ends the contact', async () => {
    const call = await onCall();
    expect(call.desk.calls.endLeg(CUSTOMER, 'customer')).toEqual({ ok: true });
    expect(call.contact()).toMatchObject({ state: 'acw', endedBy: 'agent' });
    expect(call.desk.calls.endLeg(CUSTOMER, 'thirdParty')).toEqual({
      ok: false,
      reason: 'notConnected',
    });
  });

  it('an engine restart closes both legs', async () => {
    const call = await onCall();
    call.consult();
    call.emit({ type: 'ready' });
    call.emit({ type: 'ready' });
    expect(call.contact()).toMatchObject({ state: 'acw', endCode: 'engineRestarted' });
    expect(call.contact().thirdParty).toBeUndefined();
  });
});

describe('reports from the far end', () => {
  it('shows the customer holding us, and quality per leg with its rating', async () => {
    const { emit, contact, consult } = await onCall();
    emit({ type: 'remote-hold', callId: CUSTOMER, held: true });
    expect(contact().remoteHold).toBe(true);
    emit({ type: 'quality', callId: CUSTOMER, mos: 4.3, lossPct: 0, jitterMs: 3, rttMs: 20 });
    expect(contact().quality).toEqual({
      mos: 4.3,
      rating: 'good',
      lossPct: 0,
      jitterMs: 3,
      rttMs: 20,
    });
    const third = consult();
    emit({ type: 'quality', callId: third, mos: 3.1, lossPct: 9, jitterMs: 60 });
    expect(contact().thirdParty?.quality).toMatchObject({ rating: 'poor' });
    expect(contact().quality?.rating).toBe('good');
  });

  it('updates the customer when a call replaced ours (we were the transfer target)', async () => {
    const { emit, contact } = await onCall();
    emit({
      type: 'replaced',
      callId: CUSTOMER,
      peer: { user: '+15559998888', uri: 'sip:+15559998888@x', displayName: 'Transferred In' },
    });
    expect(contact().peer).toEqual({ number: '+15559998888', displayName: 'Transferred In' });
  });

  it("refuses the far end's REFER", async () => {
    const { emit, engine, contact, desk } = await onCall();
    emit({ type: 'refer', callId: CUSTOMER, target: 'sip:+19005550100@evil', replaces: false });
    expect(engine.last()).toEqual({ type: 'refer-answer', callId: CUSTOMER, accept: false });
    expect(contact().state).toBe('connected');
    expect(desk.snapshot().notice?.code).toBe('referRefused');
  });

  it('only logs DTMF the far end sends', async () => {
    const { emit, engine, desk } = await onCall();
    const revision = desk.snapshot().revision;
    const count = engine.commands.length;
    emit({ type: 'dtmf', callId: CUSTOMER, tone: '5', originator: 'remote', via: 'info' });
    expect(desk.snapshot().revision).toBe(revision);
    expect(engine.commands.length).toBe(count);
  });
});

describe('late reports about legs that are gone', () => {
  const QUALITY = { mos: 2.1, lossPct: 12, jitterMs: 80, rttMs: 400 };

  it('hold, hold-failed, far-end hold and quality reports for a call in ACW change nothing', async () => {
    const { desk, emit, contact } = await onCall();
    desk.calls.hold(CUSTOMER, 'customer', true);
    desk.contactIntents.end(CUSTOMER);
    const before = contact();
    expect(before).toMatchObject({ state: 'acw', hold: 'none' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    emit({ type: 'hold-failed', callId: CUSTOMER, held: true, cause: 'Timeout', statusCode: 408 });
    emit({ type: 'remote-hold', callId: CUSTOMER, held: true });
    emit({ type: 'quality', callId: CUSTOMER, ...QUALITY });
    expect(contact()).toEqual(before);
    // A leg that is gone has no hold to fail: no warning either.
    expect(desk.snapshot().notice).toBeUndefined();
  });

  it("reports for the customer's leg after the customer left are ignored; the third party's still count", async () => {
    const { emit, contact, consult, ended } = await onCall();
    const third = consult();
    ended(CUSTOMER);
    expect(contact()).toMatchObject({ customerLeft: true, hold: 'none' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    emit({ type: 'remote-hold', callId: CUSTOMER, held: true });
    emit({ type: 'quality', callId: CUSTOMER, ...QUALITY });
    expect(contact().hold).toBe('none');
    expect(contact().remoteHold).toBeUndefined();
    expect(contact().quality).toBeUndefined();
    emit({ type: 'quality', callId: third, ...QUALITY });
    expect(contact().thirdParty?.quality).toMatchObject({ rating: 'poor' });
  });

  it('a far-end hold reported on the third party leg is not shown as the customer holding', async () => {
    const { emit, contact, consult } = await onCall();
    const third = consult();
    emit({ type: 'remote-hold', callId: third, held: true });
    expect(contact().remoteHold).toBeUndefined();
  });
});
