/** Transfers through AgentDesk (D6): attended (Leave) and blind. */
import { describe, expect, it } from 'vitest';
import { contactRecords, CUSTOMER, onCall } from './inCall.testkit';

describe('attended transfer (Leave)', () => {
  it('consult, join, leave accepted: hangs up, ACW with transferredTo, history says so', async () => {
    const { desk, emit, contact, mark, ended, clock, history } = await onCall();
    desk.calls.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'billing' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const third = contact().thirdParty!.callId;
    emit({ type: 'confirmed', callId: third });
    desk.calls.join(CUSTOMER);
    let sent = mark();
    expect(desk.calls.leave(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'attended-transfer', callId: CUSTOMER, replacesCallId: third },
    ]);
    expect(contact().transfer).toEqual({ kind: 'attended', state: 'pending', target: 'Billing' });
    expect(desk.calls.leave(CUSTOMER)).toEqual({ ok: false, reason: 'transferPending' });
    sent = mark();
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'accepted' });
    expect(sent()).toEqual([
      { type: 'hangup', callId: CUSTOMER },
      { type: 'mix', callIds: [] },
    ]);
    expect(contact()).toMatchObject({
      state: 'acw',
      transferredTo: 'Billing',
      endedBy: 'agent',
      endCode: 'transferred',
    });
    expect(contact().thirdParty).toBeUndefined();
    expect(contact().transfer).toBeUndefined();
    // The third party's phone ends our leg itself (Replaces): no hang-up from us then.
    ended(third);
    ended(CUSTOMER, 'local');
    sent = mark();
    clock.advance(10_000);
    expect(sent()).toEqual([]);
    desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({
      outcome: 'handled',
      transferredTo: 'Billing',
      endCode: 'transferred',
    });
    expect(desk.snapshot().today?.handled).toBe(1);
  });

  it('hangs the third leg up itself when the far side has not after 5 s', async () => {
    const { desk, emit, mark, consult, clock } = await onCall();
    const third = consult();
    desk.calls.leave(CUSTOMER);
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'accepted' });
    const sent = mark();
    clock.advance(4_999);
    expect(sent()).toEqual([]);
    clock.advance(1);
    expect(sent()).toEqual([{ type: 'hangup', callId: third }]);
  });

  it('keeps both legs when the transfer fails, with the reason', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    desk.calls.leave(CUSTOMER);
    const sent = mark();
    emit({
      type: 'transfer',
      callId: CUSTOMER,
      outcome: 'failed',
      cause: 'Busy Here',
      statusCode: 486,
    });
    expect(sent()).toEqual([]);
    expect(contact()).toMatchObject({
      state: 'connected',
      hold: 'held',
      thirdParty: { callId: third, state: 'connected' },
      transfer: { kind: 'attended', state: 'failed', reason: '486 Busy Here' },
    });
    expect(desk.snapshot().notice).toMatchObject({ code: 'transferFailed' });
    // A failed transfer may be tried again.
    expect(desk.calls.leave(CUSTOMER)).toEqual({ ok: true });
  });

  it('needs an answered third party and the transfer permission', async () => {
    const call = await onCall();
    expect(call.desk.calls.leave(CUSTOMER)).toEqual({ ok: false, reason: 'noThirdParty' });
    const barred = await onCall({ permissions: { transfer: false, conference: true } });
    barred.consult();
    expect(barred.desk.calls.leave(CUSTOMER)).toEqual({ ok: false, reason: 'notPermitted' });
  });

  it('stays quiet when the legs drop during the transfer, and ends on the outcome', async () => {
    const { desk, emit, contact, consult, ended } = await onCall();
    const third = consult();
    desk.calls.leave(CUSTOMER);
    const before = desk.snapshot().notice;
    ended(third);
    expect(contact()).toMatchObject({ state: 'connected' });
    expect(desk.snapshot().notice).toEqual(before);
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'accepted' });
    expect(contact()).toMatchObject({ state: 'acw', transferredTo: '+44 20 7183 8750' });
  });
});

describe('blind transfer', () => {
  it('refers the customer, and on success hangs up into ACW', async () => {
    const { desk, emit, contact, mark, history } = await onCall();
    let sent = mark();
    expect(desk.calls.transfer(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    expect(sent()).toEqual([{ type: 'blind-transfer', callId: CUSTOMER, target: '+442071838750' }]);
    expect(contact().transfer).toEqual({
      kind: 'blind',
      state: 'pending',
      target: '+44 20 7183 8750',
    });
    sent = mark();
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'accepted' });
    expect(sent()).toEqual([{ type: 'hangup', callId: CUSTOMER }]);
    expect(contact()).toMatchObject({ state: 'acw', transferredTo: '+44 20 7183 8750' });
    desk.contactIntents.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({ transferredTo: '+44 20 7183 8750' });
  });

  it('still records the transfer when the customer hangs up before the outcome arrives', async () => {
    const { desk, emit, contact, ended } = await onCall();
    desk.calls.transfer(CUSTOMER, { via: 'quickConnect', quickConnectId: 'billing' });
    ended(CUSTOMER);
    expect(contact().state).toBe('acw');
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'accepted' });
    expect(contact()).toMatchObject({
      state: 'acw',
      transferredTo: 'Billing',
      endCode: 'transferred',
    });
  });

  it('keeps the customer when it fails', async () => {
    const { desk, emit, contact, mark } = await onCall();
    desk.calls.transfer(CUSTOMER, { via: 'number', number: '+442071838750' });
    const sent = mark();
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'failed', cause: 'Declined' });
    expect(sent()).toEqual([]);
    expect(contact()).toMatchObject({
      state: 'connected',
      transfer: { kind: 'blind', state: 'failed', reason: 'Declined' },
    });
    expect(desk.snapshot().notice).toMatchObject({ code: 'transferFailed' });
  });

  it('is refused without the permission, during a consult, and to an emergency number', async () => {
    const barred = await onCall({ permissions: { transfer: false, conference: true } });
    expect(
      barred.desk.calls.transfer(CUSTOMER, { via: 'number', number: '+442071838750' }),
    ).toEqual({
      ok: false,
      reason: 'notPermitted',
    });
    const call = await onCall();
    expect(call.desk.calls.transfer(CUSTOMER, { via: 'number', number: '911' })).toEqual({
      ok: false,
      reason: 'emergency',
    });
    call.consult();
    expect(call.desk.calls.transfer(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });
});

describe('transfer refusals: consult and blind transfer need a live customer and no transfer under way', () => {
  const TARGET = { via: 'number', number: '+442071838750' } as const;
  type Start = 'consult' | 'transfer';
  const start = (desk: Awaited<ReturnType<typeof onCall>>['desk'], how: Start) =>
    how === 'consult'
      ? desk.calls.consult(CUSTOMER, TARGET)
      : desk.calls.transfer(CUSTOMER, TARGET);

  it.each<Start>(['consult', 'transfer'])(
    '%s is refused with notConnected in ACW, and sends nothing',
    async (how) => {
      const { desk, contact, mark } = await onCall();
      desk.contactIntents.end(CUSTOMER);
      const before = contact();
      const sent = mark();
      expect(start(desk, how)).toEqual({ ok: false, reason: 'notConnected' });
      expect(sent()).toEqual([]);
      expect(contact()).toEqual(before);
    },
  );

  it.each<Start>(['consult', 'transfer'])(
    '%s is refused with customerLeft once the customer hung up on a consult, and sends nothing',
    async (how) => {
      const { desk, contact, mark, consult, ended } = await onCall();
      consult();
      ended(CUSTOMER);
      const before = contact();
      const sent = mark();
      expect(start(desk, how)).toEqual({ ok: false, reason: 'customerLeft' });
      expect(sent()).toEqual([]);
      expect(contact()).toEqual(before);
    },
  );

  it.each<Start>(['consult', 'transfer'])(
    '%s is refused with transferPending while a blind transfer awaits its outcome',
    async (how) => {
      const { desk, contact, mark } = await onCall();
      expect(desk.calls.transfer(CUSTOMER, TARGET)).toEqual({ ok: true });
      const before = contact();
      const sent = mark();
      expect(start(desk, how)).toEqual({ ok: false, reason: 'transferPending' });
      expect(sent()).toEqual([]);
      expect(contact()).toEqual(before);
    },
  );

  it('a failed blind transfer lets the agent consult again, and the failure is cleared', async () => {
    const { desk, emit, contact } = await onCall();
    desk.calls.transfer(CUSTOMER, TARGET);
    emit({ type: 'transfer', callId: CUSTOMER, outcome: 'failed', cause: 'Declined' });
    expect(desk.calls.consult(CUSTOMER, TARGET)).toEqual({ ok: true });
    expect(contact().transfer).toBeUndefined();
  });
});
