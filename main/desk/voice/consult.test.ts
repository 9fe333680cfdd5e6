/** Consulting a third party through AgentDesk (D6): the second leg, join, swap and hold all. */
import { describe, expect, it } from 'vitest';
import { DialingRulesConfig } from '../../dialing/DialingRules';
import { CUSTOMER, onCall } from './inCall.testkit';

describe('consult', () => {
  it('holds the customer and dials the third party, who connects', async () => {
    const { desk, emit, contact, mark, clock } = await onCall();
    const sent = mark();
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+44 20 7183 8750' })).toEqual({
      ok: true,
    });
    const [hold, call] = sent();
    expect(hold).toEqual({ type: 'hold', callId: CUSTOMER, hold: true });
    expect(call).toMatchObject({ type: 'call', target: '+442071838750' });
    const callId = (call as { callId: string }).callId;
    expect(contact()).toMatchObject({
      hold: 'holding',
      thirdParty: { callId, peer: { number: '+44 20 7183 8750' }, state: 'dialing', hold: 'none' },
    });
    clock.advance(1000);
    emit({ type: 'confirmed', callId });
    expect(contact().thirdParty).toMatchObject({ state: 'connected', connectedAt: clock.now() });
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+15550001111' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });

  it('refuses an emergency number exactly like the dialer, and touches nothing', async () => {
    const { desk, contact, mark } = await onCall();
    const sent = mark();
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '911' })).toEqual({
      ok: false,
      reason: 'emergency',
    });
    expect(
      desk.calls.consult(CUSTOMER, { via: 'number', number: 'sip:112@pbx.example.com' }),
    ).toEqual({
      ok: false,
      reason: 'emergency',
    });
    expect(sent()).toEqual([]);
    expect(contact()).toMatchObject({ hold: 'none' });
    expect(contact().thirdParty).toBeUndefined();
  });

  it('refuses a blocked number with the dialer reason', async () => {
    const { desk } = await onCall({
      dialingRules: DialingRulesConfig.parse({
        defaultCountry: 'US',
        blockedNumbers: ['+19005550100'],
      }),
    });
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '900 555 0100' })).toEqual({
      ok: false,
      reason: 'blocked',
    });
  });

  it('dials a quick connect of the agent kind, shown by its name', async () => {
    const { desk, contact, engine } = await onCall();
    expect(desk.calls.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'bob' })).toEqual({
      ok: true,
    });
    expect(engine.last()).toMatchObject({ type: 'call', target: 'sip:bob@example.com' });
    expect(contact().thirdParty).toMatchObject({
      label: 'Bob (supervisor)',
      peer: { number: 'sip:bob@example.com' },
    });
    expect(desk.calls.transfer(CUSTOMER, { via: 'quickConnect', quickConnectId: 'gone' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });

  it('refuses an unknown quick connect', async () => {
    const { desk } = await onCall();
    expect(desk.calls.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'gone' })).toEqual({
      ok: false,
      reason: 'unknownQuickConnect',
    });
  });

  it('is refused when the profile allows neither transfer nor conference', async () => {
    const { desk } = await onCall({ permissions: { transfer: false, conference: false } });
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: false,
      reason: 'notPermitted',
    });
  });

  it('tells the agent when the third party never answers; the customer stays held', async () => {
    const { desk, contact, consult, ended } = await onCall();
    const third = consult('+442071838750', false);
    ended(third, 'remote', true);
    expect(contact().thirdParty).toBeUndefined();
    expect(contact()).toMatchObject({ state: 'connected', hold: 'held' });
    expect(desk.snapshot().notice).toMatchObject({
      code: 'consultFailed',
      values: { reason: '486 Busy' },
    });
  });
});

describe('join, swap and hold all', () => {
  it('joins: resumes both legs and mixes them', async () => {
    const { desk, contact, mark, consult } = await onCall();
    const third = consult();
    desk.calls.hold(CUSTOMER, 'thirdParty', true);
    const sent = mark();
    expect(desk.calls.join(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: CUSTOMER, hold: false },
      { type: 'hold', callId: third, hold: false },
      { type: 'mix', callIds: [CUSTOMER, third] },
    ]);
    expect(contact()).toMatchObject({
      conference: true,
      hold: 'resuming',
      thirdParty: { hold: 'resuming' },
    });
    expect(desk.calls.join(CUSTOMER)).toEqual({ ok: false, reason: 'alreadyJoined' });
  });

  it('needs an answered third party and the conference permission', async () => {
    const call = await onCall();
    expect(call.desk.calls.join(CUSTOMER)).toEqual({ ok: false, reason: 'noThirdParty' });
    call.consult('+442071838750', false);
    expect(call.desk.calls.join(CUSTOMER)).toEqual({ ok: false, reason: 'thirdPartyNotConnected' });
    const barred = await onCall({ permissions: { transfer: true, conference: false } });
    barred.consult();
    expect(barred.desk.calls.join(CUSTOMER)).toEqual({ ok: false, reason: 'notPermitted' });
  });

  it('holds all: ends the mix and holds both; Join mixes again', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    desk.calls.join(CUSTOMER);
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    let sent = mark();
    expect(desk.calls.hold(CUSTOMER, 'all', true)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'mix', callIds: [] },
      { type: 'hold', callId: CUSTOMER, hold: true },
      { type: 'hold', callId: third, hold: true },
    ]);
    expect(contact()).toMatchObject({ conference: false, hold: 'holding' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    emit({ type: 'hold', callId: third, held: true });
    sent = mark();
    desk.calls.join(CUSTOMER);
    expect(sent().at(-1)).toEqual({ type: 'mix', callIds: [CUSTOMER, third] });
  });

  it('holds all only the legs not already held', async () => {
    const { desk, mark, consult } = await onCall();
    const third = consult();
    const sent = mark();
    desk.calls.hold(CUSTOMER, 'all', true);
    expect(sent()).toEqual([{ type: 'hold', callId: third, hold: true }]);
  });

  it('swaps from the third party to the customer, and is refused once both are joined', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    const sent = mark();
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: third, hold: true },
      { type: 'hold', callId: CUSTOMER, hold: false },
    ]);
    emit({ type: 'hold', callId: third, held: true });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact()).toMatchObject({ hold: 'none', thirdParty: { hold: 'held' } });
    desk.calls.join(CUSTOMER);
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: false, reason: 'notSwappable' });
  });
});

describe('consult from hold, swapping both ways, resume all', () => {
  it('consults while the customer is already held: no second hold, only the call goes out', async () => {
    const { desk, emit, contact, mark } = await onCall();
    desk.calls.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const sent = mark();
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    expect(sent()).toEqual([
      { type: 'call', callId: contact().thirdParty!.callId, target: '+442071838750' },
    ]);
    expect(contact()).toMatchObject({ hold: 'held', thirdParty: { state: 'dialing' } });
  });

  it('consults while the customer is still being held: the pending hold is kept, not repeated', async () => {
    const { desk, contact, mark } = await onCall();
    desk.calls.hold(CUSTOMER, 'customer', true);
    const sent = mark();
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: true,
    });
    expect(sent().map((command) => command.type)).toEqual(['call']);
    expect(contact().hold).toBe('holding');
  });

  it('swaps to the third party and back: each swap holds the one talking and resumes the other', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    let sent = mark();
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: third, hold: true },
      { type: 'hold', callId: CUSTOMER, hold: false },
    ]);
    emit({ type: 'hold', callId: third, held: true });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact()).toMatchObject({ hold: 'none', thirdParty: { hold: 'held' } });

    sent = mark();
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: CUSTOMER, hold: true },
      { type: 'hold', callId: third, hold: false },
    ]);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    emit({ type: 'hold', callId: third, held: false });
    expect(contact()).toMatchObject({ hold: 'held', thirdParty: { hold: 'none' } });
  });

  it('swap is refused while both conference legs talk, and works once one leg is held', async () => {
    const { desk, emit, mark, consult } = await onCall();
    const third = consult();
    desk.calls.join(CUSTOMER);
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: false, reason: 'notSwappable' });
    desk.calls.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const sent = mark();
    expect(desk.calls.swap(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: third, hold: true },
      { type: 'hold', callId: CUSTOMER, hold: false },
    ]);
  });

  it('resumes all: resumes only the held legs, and sends no mix', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    desk.calls.hold(CUSTOMER, 'thirdParty', true);
    emit({ type: 'hold', callId: third, held: true });
    let sent = mark();
    expect(desk.calls.hold(CUSTOMER, 'all', false)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: CUSTOMER, hold: false },
      { type: 'hold', callId: third, hold: false },
    ]);
    expect(contact()).toMatchObject({ hold: 'resuming', thirdParty: { hold: 'resuming' } });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    emit({ type: 'hold', callId: third, held: false });
    desk.calls.hold(CUSTOMER, 'thirdParty', true);
    sent = mark();
    desk.calls.hold(CUSTOMER, 'all', false);
    expect(sent()).toEqual([{ type: 'hold', callId: third, hold: false }]);
  });

  it('hold all is refused with noLiveLeg when the customer left and the third party still rings', async () => {
    const { desk, consult, ended } = await onCall();
    consult('+442071838750', false);
    ended(CUSTOMER);
    expect(desk.calls.hold(CUSTOMER, 'all', true)).toEqual({ ok: false, reason: 'noLiveLeg' });
  });
});
