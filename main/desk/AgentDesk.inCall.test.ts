/** AgentDesk in a call (D3, D6, D7, D8): hold, mute, DTMF, consult, conference, transfers. */
import { describe, expect, it } from 'vitest';
import {
  DeskState,
  type Contact,
  type EngineCommand,
  type EngineEvent,
} from '../../common/contract';
import { DialingRulesConfig } from '../dialing/DialingRules';
import type { ContactRecord } from '../history/HistoryRecord';
import type { AgentDeskOptions } from './AgentDesk';
import { availableDesk, MemoryHistory } from './desk.testkit';
import { IllegalTransitionError } from '../../common/fsm/IllegalTransitionError';

const CUSTOMER = 'cust';

const QUICK_CONNECTS: AgentDeskOptions['quickConnects'] = [
  { id: 'bob', kind: 'agent', name: 'Bob (supervisor)', target: 'sip:bob@example.com' },
  { id: 'billing', kind: 'queue', name: 'Billing', target: 'sip:billing@pbx.example.com' },
];

/** A desk with the customer's call connected, and a few ways to drive it. */
async function onCall(
  options: Partial<AgentDeskOptions> = {},
  headers: Record<string, string> = {},
) {
  const history = new MemoryHistory();
  const kit = await availableDesk({ quickConnects: QUICK_CONNECTS, history, ...options });
  const { desk, engine } = kit;
  const emit = (event: EngineEvent) => desk.handleEngineEvent(event);
  emit({
    type: 'incoming',
    callId: CUSTOMER,
    from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
    headers,
  });
  if (desk.snapshot().contacts[0]?.state === 'incoming') desk.accept(CUSTOMER);
  emit({ type: 'confirmed', callId: CUSTOMER });
  const contact = (): Contact => {
    const state = desk.snapshot();
    DeskState.parse(state);
    return state.contacts[0]!;
  };
  /** Commands the next action sends. */
  const mark = () => {
    const from = engine.commands.length;
    return (): EngineCommand[] => engine.since(from);
  };
  const ended = (callId: string, originator: 'local' | 'remote' = 'remote', failed = false) =>
    emit({
      type: 'ended',
      callId,
      originator,
      cause: failed ? 'Busy' : 'Terminated',
      failed,
      ...(failed ? { statusCode: 486 } : {}),
    });
  /** Consults `number` and returns the new leg's callId, answered unless told otherwise. */
  const consult = (number = '+442071838750', answer = true): string => {
    expect(desk.consult(CUSTOMER, { via: 'number', number })).toEqual({ ok: true });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const callId = contact().thirdParty!.callId;
    if (answer) emit({ type: 'confirmed', callId });
    return callId;
  };
  return { ...kit, history, emit, contact, mark, ended, consult };
}

function contactRecords(history: MemoryHistory): ContactRecord[] {
  return history.records.filter((record): record is ContactRecord => record.type === 'contact');
}

describe('a new contact', () => {
  it('starts not held, not muted, with empty notes, and the profile options in the snapshot', async () => {
    const { contact, desk } = await onCall({
      permissions: { transfer: false, conference: true },
      wrapUp: { codes: [{ id: 'sold', label: 'Sold' }], required: true },
    });
    expect(contact()).toMatchObject({ hold: 'none', muted: false, details: { notes: '' } });
    expect(desk.snapshot().contactOptions).toEqual({
      transfer: false,
      conference: true,
      wrapUpCodes: [{ id: 'sold', label: 'Sold' }],
      wrapUpRequired: true,
    });
  });

  it('asks for a code only when the profile lists some', async () => {
    const { desk } = await availableDesk({ wrapUp: { codes: [], required: true } });
    expect(desk.snapshot().contactOptions.wrapUpRequired).toBe(false);
  });

  it('starts dialled contacts the same way', async () => {
    const { desk } = await availableDesk();
    desk.dial('+1 734 764 4357');
    expect(desk.snapshot().contacts[0]).toMatchObject({
      hold: 'none',
      muted: false,
      details: { notes: '' },
    });
  });
});

describe('hold', () => {
  it('holds, waits for the engine, resumes, and waits again', async () => {
    const { desk, emit, contact, mark } = await onCall();
    let sent = mark();
    expect(desk.hold(CUSTOMER, 'customer', true)).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'hold', callId: CUSTOMER, hold: true }]);
    expect(contact().hold).toBe('holding');
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(contact().hold).toBe('held');
    sent = mark();
    desk.hold(CUSTOMER, 'customer', false);
    expect(sent()).toEqual([{ type: 'hold', callId: CUSTOMER, hold: false }]);
    expect(contact().hold).toBe('resuming');
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact().hold).toBe('none');
  });

  it('passes every change of mind to the engine and ends where the agent last wanted', async () => {
    const { desk, emit, contact, mark } = await onCall();
    const sent = mark();
    desk.hold(CUSTOMER, 'customer', true);
    desk.hold(CUSTOMER, 'customer', false);
    expect(contact().hold).toBe('resuming');
    // The answer to the first re-INVITE: the engine goes on to resume.
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(contact().hold).toBe('resuming');
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact().hold).toBe('none');

    desk.hold(CUSTOMER, 'customer', true);
    desk.hold(CUSTOMER, 'customer', false);
    desk.hold(CUSTOMER, 'customer', true);
    expect(contact().hold).toBe('holding');
    // The engine coalesced: the call went on hold once, which is what is wanted now.
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(contact().hold).toBe('held');
    expect(sent().map((command) => command.type === 'hold' && command.hold)).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('throws on a request that makes no sense, and sends nothing', async () => {
    const { desk, emit, contact, mark } = await onCall();
    const sent = mark();
    expect(() => desk.hold(CUSTOMER, 'customer', false)).toThrow(IllegalTransitionError);
    desk.hold(CUSTOMER, 'customer', true);
    expect(() => desk.hold(CUSTOMER, 'customer', true)).toThrow(IllegalTransitionError);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(() => desk.hold(CUSTOMER, 'customer', true)).toThrow(IllegalTransitionError);
    expect(sent()).toHaveLength(1);
    expect(contact().hold).toBe('held');
  });

  it('goes back to the state the engine confirms when hold fails, with a notice', async () => {
    const { desk, emit, contact } = await onCall();
    desk.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold-failed', callId: CUSTOMER, held: false, cause: 'Timeout', statusCode: 408 });
    expect(contact().hold).toBe('none');
    expect(desk.snapshot().notice).toMatchObject({
      code: 'holdFailed',
      values: { cause: '408 Timeout' },
    });
    desk.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    desk.hold(CUSTOMER, 'customer', false);
    emit({ type: 'hold-failed', callId: CUSTOMER, held: true, cause: 'Request Pending' });
    expect(contact().hold).toBe('held');
  });

  it('is refused outside a connected call and for legs that are not there', async () => {
    const { desk } = await availableDesk();
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'ringing',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(desk.hold('ringing', 'customer', true)).toEqual({ ok: false, reason: 'notConnected' });
    expect(desk.hold('nobody', 'customer', true)).toEqual({
      ok: false,
      reason: 'contactNotFound',
    });
    const call = await onCall();
    expect(call.desk.hold(CUSTOMER, 'thirdParty', true)).toEqual({
      ok: false,
      reason: 'noThirdParty',
    });
    call.consult('+442071838750', false);
    expect(call.desk.hold(CUSTOMER, 'thirdParty', true)).toEqual({
      ok: false,
      reason: 'thirdPartyNotConnected',
    });
  });
});

describe('mute', () => {
  it('mutes every live leg, including one dialled while muted', async () => {
    const { desk, contact, mark, consult } = await onCall();
    let sent = mark();
    expect(desk.mute(CUSTOMER, true)).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'mute', callId: CUSTOMER, muted: true }]);
    expect(contact().muted).toBe(true);
    sent = mark();
    const third = consult();
    expect(sent()).toContainEqual({ type: 'mute', callId: third, muted: true });
    sent = mark();
    desk.mute(CUSTOMER, false);
    expect(sent()).toEqual([
      { type: 'mute', callId: CUSTOMER, muted: false },
      { type: 'mute', callId: third, muted: false },
    ]);
    expect(contact().muted).toBe(false);
  });
});

describe('DTMF', () => {
  it('goes to the customer, with the profile mode, and is kept (last 64) for the pad', async () => {
    const { desk, contact, mark } = await onCall({ dtmfMode: 'info' });
    const sent = mark();
    expect(desk.sendDtmf(CUSTOMER, '12#')).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'dtmf', callId: CUSTOMER, digits: '12#', mode: 'info' }]);
    for (let i = 0; i < 3; i += 1) desk.sendDtmf(CUSTOMER, '0123456789*#ABCD0123456789*#ABCD');
    expect(contact().dtmfSent).toHaveLength(64);
    expect(contact().dtmfSent!.endsWith('ABCD')).toBe(true);
  });

  it('goes to the third party while consulting them, to the customer otherwise', async () => {
    const { desk, emit, mark, consult } = await onCall();
    const third = consult();
    const target = () => {
      const sent = mark();
      desk.sendDtmf(CUSTOMER, '5');
      const [command] = sent();
      return command?.type === 'dtmf' ? command.callId : undefined;
    };
    expect(target()).toBe(third);
    desk.swap(CUSTOMER);
    emit({ type: 'hold', callId: third, held: true });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(target()).toBe(CUSTOMER);
    desk.join(CUSTOMER);
    expect(target()).toBe(CUSTOMER);
  });

  it('defaults to auto', async () => {
    const { desk, engine } = await onCall();
    desk.sendDtmf(CUSTOMER, '1');
    expect(engine.last()).toMatchObject({ type: 'dtmf', mode: 'auto' });
  });
});

describe('consult', () => {
  it('holds the customer and dials the third party, who connects', async () => {
    const { desk, emit, contact, mark, clock } = await onCall();
    const sent = mark();
    expect(desk.consult(CUSTOMER, { via: 'number', number: '+44 20 7183 8750' })).toEqual({
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
    expect(desk.consult(CUSTOMER, { via: 'number', number: '+15550001111' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });

  it('refuses an emergency number exactly like the dialer, and touches nothing', async () => {
    const { desk, contact, mark } = await onCall();
    const sent = mark();
    expect(desk.consult(CUSTOMER, { via: 'number', number: '911' })).toEqual({
      ok: false,
      reason: 'emergency',
    });
    expect(desk.consult(CUSTOMER, { via: 'number', number: 'sip:112@pbx.example.com' })).toEqual({
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
    expect(desk.consult(CUSTOMER, { via: 'number', number: '900 555 0100' })).toEqual({
      ok: false,
      reason: 'blocked',
    });
  });

  it('dials a quick connect of the agent kind, shown by its name', async () => {
    const { desk, contact, engine } = await onCall();
    expect(desk.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'bob' })).toEqual({
      ok: true,
    });
    expect(engine.last()).toMatchObject({ type: 'call', target: 'sip:bob@example.com' });
    expect(contact().thirdParty).toMatchObject({
      label: 'Bob (supervisor)',
      peer: { number: 'sip:bob@example.com' },
    });
    expect(desk.transfer(CUSTOMER, { via: 'quickConnect', quickConnectId: 'gone' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });

  it('refuses an unknown quick connect', async () => {
    const { desk } = await onCall();
    expect(desk.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'gone' })).toEqual({
      ok: false,
      reason: 'unknownQuickConnect',
    });
  });

  it('is refused when the profile allows neither transfer nor conference', async () => {
    const { desk } = await onCall({ permissions: { transfer: false, conference: false } });
    expect(desk.consult(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
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
    desk.hold(CUSTOMER, 'thirdParty', true);
    const sent = mark();
    expect(desk.join(CUSTOMER)).toEqual({ ok: true });
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
    expect(desk.join(CUSTOMER)).toEqual({ ok: false, reason: 'alreadyJoined' });
  });

  it('needs an answered third party and the conference permission', async () => {
    const call = await onCall();
    expect(call.desk.join(CUSTOMER)).toEqual({ ok: false, reason: 'noThirdParty' });
    call.consult('+442071838750', false);
    expect(call.desk.join(CUSTOMER)).toEqual({ ok: false, reason: 'thirdPartyNotConnected' });
    const barred = await onCall({ permissions: { transfer: true, conference: false } });
    barred.consult();
    expect(barred.desk.join(CUSTOMER)).toEqual({ ok: false, reason: 'notPermitted' });
  });

  it('holds all: ends the mix and holds both; Join mixes again', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    desk.join(CUSTOMER);
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    let sent = mark();
    expect(desk.hold(CUSTOMER, 'all', true)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'mix', callIds: [] },
      { type: 'hold', callId: CUSTOMER, hold: true },
      { type: 'hold', callId: third, hold: true },
    ]);
    expect(contact()).toMatchObject({ conference: false, hold: 'holding' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    emit({ type: 'hold', callId: third, held: true });
    sent = mark();
    desk.join(CUSTOMER);
    expect(sent().at(-1)).toEqual({ type: 'mix', callIds: [CUSTOMER, third] });
  });

  it('holds all only the legs not already held', async () => {
    const { desk, mark, consult } = await onCall();
    const third = consult();
    const sent = mark();
    desk.hold(CUSTOMER, 'all', true);
    expect(sent()).toEqual([{ type: 'hold', callId: third, hold: true }]);
  });

  it('swaps: holds the one talking, resumes the one waiting', async () => {
    const { desk, emit, contact, mark, consult } = await onCall();
    const third = consult();
    const sent = mark();
    expect(desk.swap(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'hold', callId: third, hold: true },
      { type: 'hold', callId: CUSTOMER, hold: false },
    ]);
    emit({ type: 'hold', callId: third, held: true });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact()).toMatchObject({ hold: 'none', thirdParty: { hold: 'held' } });
    desk.join(CUSTOMER);
    expect(desk.swap(CUSTOMER)).toEqual({ ok: false, reason: 'notSwappable' });
  });
});

describe('attended transfer (Leave)', () => {
  it('consult, join, leave accepted: hangs up, ACW with transferredTo, history says so', async () => {
    const { desk, emit, contact, mark, ended, clock, history } = await onCall();
    desk.consult(CUSTOMER, { via: 'quickConnect', quickConnectId: 'billing' });
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    const third = contact().thirdParty!.callId;
    emit({ type: 'confirmed', callId: third });
    desk.join(CUSTOMER);
    let sent = mark();
    expect(desk.leave(CUSTOMER)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'attended-transfer', callId: CUSTOMER, replacesCallId: third },
    ]);
    expect(contact().transfer).toEqual({ kind: 'attended', state: 'pending', target: 'Billing' });
    expect(desk.leave(CUSTOMER)).toEqual({ ok: false, reason: 'transferPending' });
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
    desk.clear(CUSTOMER);
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
    desk.leave(CUSTOMER);
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
    desk.leave(CUSTOMER);
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
    expect(desk.leave(CUSTOMER)).toEqual({ ok: true });
  });

  it('needs an answered third party and the transfer permission', async () => {
    const call = await onCall();
    expect(call.desk.leave(CUSTOMER)).toEqual({ ok: false, reason: 'noThirdParty' });
    const barred = await onCall({ permissions: { transfer: false, conference: true } });
    barred.consult();
    expect(barred.desk.leave(CUSTOMER)).toEqual({ ok: false, reason: 'notPermitted' });
  });

  it('stays quiet when the legs drop during the transfer, and ends on the outcome', async () => {
    const { desk, emit, contact, consult, ended } = await onCall();
    const third = consult();
    desk.leave(CUSTOMER);
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
    expect(desk.transfer(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
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
    desk.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({ transferredTo: '+44 20 7183 8750' });
  });

  it('still records the transfer when the customer hangs up before the outcome arrives', async () => {
    const { desk, emit, contact, ended } = await onCall();
    desk.transfer(CUSTOMER, { via: 'quickConnect', quickConnectId: 'billing' });
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
    desk.transfer(CUSTOMER, { via: 'number', number: '+442071838750' });
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
    expect(barred.desk.transfer(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: false,
      reason: 'notPermitted',
    });
    const call = await onCall();
    expect(call.desk.transfer(CUSTOMER, { via: 'number', number: '911' })).toEqual({
      ok: false,
      reason: 'emergency',
    });
    call.consult();
    expect(call.desk.transfer(CUSTOMER, { via: 'number', number: '+442071838750' })).toEqual({
      ok: false,
      reason: 'thirdPartyActive',
    });
  });
});

describe('legs ending in any order', () => {
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
    '%s first (%s), then the other (%s), joined: %s',
    async (first, firstBy, secondBy, joined) => {
      const call = await onCall();
      const { desk, contact, ended, mark } = call;
      const third = call.consult();
      if (joined) desk.join(CUSTOMER);
      const callIdOf = (leg: Leg) => (leg === 'customer' ? CUSTOMER : third);
      const endLeg = (leg: Leg, by: Ender) => {
        if (by === 'remote') return ended(callIdOf(leg));
        expect(desk.endLeg(CUSTOMER, leg)).toEqual({ ok: true });
        // The engine reports our own hang-up back at once; it must change nothing more.
        ended(callIdOf(leg), 'local');
      };
      const second: Leg = first === 'customer' ? 'thirdParty' : 'customer';

      const sent = mark();
      endLeg(first, firstBy);
      const middle = contact();
      expect(middle.state).toBe('connected');
      expect(middle.conference ?? false).toBe(false);
      if (joined) expect(sent()).toContainEqual({ type: 'mix', callIds: [] });
      if (first === 'customer') {
        expect(middle.customerLeft).toBe(true);
        expect(middle.thirdParty?.state).toBe('connected');
        if (firstBy === 'remote') expect(desk.snapshot().notice?.code).toBe('customerLeft');
        expect(desk.hold(CUSTOMER, 'customer', true)).toEqual({
          ok: false,
          reason: 'customerLeft',
        });
      } else {
        expect(middle.thirdParty).toBeUndefined();
        expect(middle.customerLeft).toBeUndefined();
        if (firstBy === 'remote') expect(desk.snapshot().notice?.code).toBe('thirdPartyLeft');
      }

      endLeg(second, secondBy);
      const last = contact();
      expect(last.state).toBe('acw');
      expect(last.thirdParty).toBeUndefined();
      expect(last.hold).toBe('none');
      // The contact is about the customer: it reports how the customer's call ended.
      const customerBy = (first === 'customer' ? firstBy : secondBy) === 'remote';
      expect(last.endedBy).toBe(customerBy ? 'customer' : 'agent');

      // The engine's late reports of our own hang-ups change nothing.
      ended(CUSTOMER, 'local');
      ended(third, 'local');
      expect(contact()).toEqual(last);
      expect(desk.clear(CUSTOMER)).toEqual({ ok: true });
      expect(desk.snapshot().agent.routable).toBe(true);
    },
  );

  it('agent ends all: hangs up both legs and stops the mix', async () => {
    const call = await onCall();
    const third = call.consult();
    call.desk.join(CUSTOMER);
    const sent = call.mark();
    expect(call.desk.end(CUSTOMER)).toEqual({ ok: true });
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
    call.desk.end(CUSTOMER);
    expect(sent()).toEqual([{ type: 'hangup', callId: third }]);
    expect(call.contact().state).toBe('acw');
  });

  it('ending the customer leg with no third party ends the contact', async () => {
    const call = await onCall();
    expect(call.desk.endLeg(CUSTOMER, 'customer')).toEqual({ ok: true });
    expect(call.contact()).toMatchObject({ state: 'acw', endedBy: 'agent' });
    expect(call.desk.endLeg(CUSTOMER, 'thirdParty')).toEqual({
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

describe('callbacks and queues', () => {
  it('reads queue and callback from the profile header names; forwards them to the engine', async () => {
    const options = { sipHeaders: { queueName: 'P-Queue', callback: 'P-Callback-Flag' } };
    const { contact, engine } = await onCall(options, {
      'p-queue': ' Premium support ',
      'p-callback-flag': 'true',
      'x-queue-name': 'ignored',
    });
    expect(contact()).toMatchObject({ queue: 'Premium support', callback: true });
    const connect = engine.commands.find((command) => command.type === 'connect');
    expect(connect).toMatchObject({
      account: { forwardedHeaders: ['p-queue', 'p-callback-flag'] },
    });
  });

  it('does not flag a contact whose callback header says no', async () => {
    const { contact } = await onCall({}, { 'x-queue-name': 'Sales', 'x-callback': '0' });
    expect(contact()).toMatchObject({ queue: 'Sales' });
    expect(contact().callback).toBeUndefined();
  });

  it('ends a callback with a voicemail and keeps that in the history', async () => {
    const { desk, contact, history } = await onCall(
      {},
      { 'x-callback': '1', 'x-queue-name': 'CB' },
    );
    expect(desk.end(CUSTOMER, { voicemail: true })).toEqual({ ok: true });
    expect(contact()).toMatchObject({ state: 'acw', voicemail: true, callback: true });
    desk.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({
      callback: true,
      voicemail: true,
      queue: 'CB',
    });
  });
});

describe('contact details and wrap-up', () => {
  const wrapUp = {
    codes: [
      { id: 'resolved', label: 'Resolved' },
      { id: 'escalated', label: 'Escalated' },
    ],
    required: true,
  };

  it('saves notes during the call and in ACW, refuses unknown codes and cleared contacts', async () => {
    const { desk, contact, ended } = await onCall({ wrapUp });
    expect(desk.saveDetails(CUSTOMER, { notes: 'asked about invoice' })).toEqual({ ok: true });
    expect(contact().details).toEqual({ notes: 'asked about invoice' });
    ended(CUSTOMER);
    expect(desk.saveDetails(CUSTOMER, { notes: 'x', wrapUpCode: 'sold' })).toEqual({
      ok: false,
      reason: 'unknownWrapUpCode',
    });
    expect(contact().details.notes).toBe('asked about invoice');
    expect(desk.saveDetails(CUSTOMER, { notes: 'x', wrapUpCode: 'resolved' })).toEqual({
      ok: true,
    });
    desk.clear(CUSTOMER);
    expect(desk.saveDetails(CUSTOMER, { notes: 'late' })).toEqual({
      ok: false,
      reason: 'contactNotFound',
    });
  });

  it('refuses details on a ringing offer', async () => {
    const { desk } = await availableDesk();
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'r',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(desk.saveDetails('r', { notes: 'x' })).toEqual({ ok: false, reason: 'notEditable' });
  });

  it('blocks Clear until a required code is chosen', async () => {
    const { desk, contact, ended } = await onCall({ wrapUp });
    ended(CUSTOMER);
    expect(desk.clear(CUSTOMER)).toEqual({ ok: false, reason: 'wrapUpRequired' });
    expect(contact().state).toBe('acw');
    desk.saveDetails(CUSTOMER, { notes: '', wrapUpCode: 'escalated' });
    expect(desk.clear(CUSTOMER)).toEqual({ ok: true });
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('lets the ACW timeout clear without a code: routing comes back as IT promised', async () => {
    const { desk, ended, clock } = await onCall({ wrapUp, acwTimeoutMs: 30_000 });
    ended(CUSTOMER);
    clock.advance(30_000);
    expect(desk.snapshot().contacts).toEqual([]);
    expect(desk.snapshot().agent.routable).toBe(true);
  });

  it('keeps notes, code and follow-up in the history record; empty notes are left out', async () => {
    const { desk, ended, history } = await onCall({ wrapUp }, { 'x-queue-name': 'Sales' });
    const dueAt = Date.UTC(2030, 0, 2, 9);
    ended(CUSTOMER);
    desk.saveDetails(CUSTOMER, {
      notes: 'wants a quote',
      wrapUpCode: 'resolved',
      followUp: { note: 'send the quote', dueAt },
    });
    desk.clear(CUSTOMER);
    expect(contactRecords(history)[0]).toMatchObject({
      queue: 'Sales',
      notes: 'wants a quote',
      wrapUpCode: 'resolved',
      followUp: { note: 'send the quote', dueAt },
    });

    const other = await onCall();
    other.ended(CUSTOMER);
    other.desk.clear(CUSTOMER);
    const record = contactRecords(other.history)[0]!;
    expect(record).not.toHaveProperty('notes');
    expect(record).not.toHaveProperty('transferredTo');
    expect(record).not.toHaveProperty('callback');
  });
});
