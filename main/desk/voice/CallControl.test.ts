/** In-call control through AgentDesk (D3): a new call, hold, mute and DTMF. */
import { DEFAULT_ATTACHMENT_LIMITS } from '../../../common/contract';
import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { availableDesk } from '../desk.testkit';
import { CUSTOMER, onCall } from './inCall.testkit';

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
      chatAttachments: DEFAULT_ATTACHMENT_LIMITS,
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
  it('holds, waits for the engine, resumes, and waits again, with no notice when both succeed', async () => {
    const { desk, emit, contact, mark } = await onCall();
    let sent = mark();
    expect(desk.calls.hold(CUSTOMER, 'customer', true)).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'hold', callId: CUSTOMER, hold: true }]);
    expect(contact().hold).toBe('holding');
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(contact().hold).toBe('held');
    sent = mark();
    desk.calls.hold(CUSTOMER, 'customer', false);
    expect(sent()).toEqual([{ type: 'hold', callId: CUSTOMER, hold: false }]);
    expect(contact().hold).toBe('resuming');
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact().hold).toBe('none');
    // Both succeeded: no warning.
    expect(desk.snapshot().notice).toBeUndefined();
  });

  it('passes every change of mind to the engine and ends where the agent last wanted', async () => {
    const { desk, emit, contact, mark } = await onCall();
    const sent = mark();
    desk.calls.hold(CUSTOMER, 'customer', true);
    desk.calls.hold(CUSTOMER, 'customer', false);
    expect(contact().hold).toBe('resuming');
    // The answer to the first re-INVITE: the engine goes on to resume.
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(contact().hold).toBe('resuming');
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(contact().hold).toBe('none');

    desk.calls.hold(CUSTOMER, 'customer', true);
    desk.calls.hold(CUSTOMER, 'customer', false);
    desk.calls.hold(CUSTOMER, 'customer', true);
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
    expect(() => desk.calls.hold(CUSTOMER, 'customer', false)).toThrow(IllegalTransitionError);
    desk.calls.hold(CUSTOMER, 'customer', true);
    expect(() => desk.calls.hold(CUSTOMER, 'customer', true)).toThrow(IllegalTransitionError);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    expect(() => desk.calls.hold(CUSTOMER, 'customer', true)).toThrow(IllegalTransitionError);
    expect(sent()).toHaveLength(1);
    expect(contact().hold).toBe('held');
  });

  it('goes back to the state the engine confirms when hold fails, with a notice', async () => {
    const { desk, emit, contact } = await onCall();
    desk.calls.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold-failed', callId: CUSTOMER, held: false, cause: 'Timeout', statusCode: 408 });
    expect(contact().hold).toBe('none');
    expect(desk.snapshot().notice).toMatchObject({
      code: 'holdFailed',
      values: { cause: '408 Timeout' },
    });
    desk.calls.hold(CUSTOMER, 'customer', true);
    emit({ type: 'hold', callId: CUSTOMER, held: true });
    desk.calls.hold(CUSTOMER, 'customer', false);
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
    expect(desk.calls.hold('ringing', 'customer', true)).toEqual({
      ok: false,
      reason: 'notConnected',
    });
    expect(desk.calls.hold('nobody', 'customer', true)).toEqual({
      ok: false,
      reason: 'contactNotFound',
    });
    const call = await onCall();
    expect(call.desk.calls.hold(CUSTOMER, 'thirdParty', true)).toEqual({
      ok: false,
      reason: 'noThirdParty',
    });
    call.consult('+442071838750', false);
    expect(call.desk.calls.hold(CUSTOMER, 'thirdParty', true)).toEqual({
      ok: false,
      reason: 'thirdPartyNotConnected',
    });
  });
});

describe('mute', () => {
  it('mutes every live leg, including one dialled while muted', async () => {
    const { desk, contact, mark, consult } = await onCall();
    let sent = mark();
    expect(desk.calls.mute(CUSTOMER, true)).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'mute', callId: CUSTOMER, muted: true }]);
    expect(contact().muted).toBe(true);
    sent = mark();
    const third = consult();
    expect(sent()).toContainEqual({ type: 'mute', callId: third, muted: true });
    sent = mark();
    desk.calls.mute(CUSTOMER, false);
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
    expect(desk.calls.sendDtmf(CUSTOMER, '12#')).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'dtmf', callId: CUSTOMER, digits: '12#', mode: 'info' }]);
    for (let i = 0; i < 3; i += 1)
      desk.calls.sendDtmf(CUSTOMER, '0123456789*#ABCD0123456789*#ABCD');
    expect(contact().dtmfSent).toHaveLength(64);
    expect(contact().dtmfSent!.endsWith('ABCD')).toBe(true);
  });

  it('goes to the third party while consulting them, to the customer otherwise', async () => {
    const { desk, emit, mark, consult } = await onCall();
    const third = consult();
    const target = () => {
      const sent = mark();
      desk.calls.sendDtmf(CUSTOMER, '5');
      const [command] = sent();
      return command?.type === 'dtmf' ? command.callId : undefined;
    };
    expect(target()).toBe(third);
    desk.calls.swap(CUSTOMER);
    emit({ type: 'hold', callId: third, held: true });
    emit({ type: 'hold', callId: CUSTOMER, held: false });
    expect(target()).toBe(CUSTOMER);
    desk.calls.join(CUSTOMER);
    expect(target()).toBe(CUSTOMER);
  });

  it('defaults to auto', async () => {
    const { desk, engine } = await onCall();
    desk.calls.sendDtmf(CUSTOMER, '1');
    expect(engine.last()).toMatchObject({ type: 'dtmf', mode: 'auto' });
  });
});

describe('one leg at a time: DTMF, hold and End at the edges', () => {
  it('DTMF goes to the third party once the customer left, even held; refused while it only rings', async () => {
    const ringing = await onCall();
    ringing.consult('+442071838750', false);
    ringing.ended(CUSTOMER);
    expect(ringing.desk.calls.sendDtmf(CUSTOMER, '1')).toEqual({ ok: false, reason: 'noLiveLeg' });

    const { desk, emit, mark, consult, ended } = await onCall();
    const third = consult();
    ended(CUSTOMER);
    desk.calls.hold(CUSTOMER, 'thirdParty', true);
    emit({ type: 'hold', callId: third, held: true });
    const sent = mark();
    expect(desk.calls.sendDtmf(CUSTOMER, '1')).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'dtmf', callId: third, digits: '1', mode: 'auto' }]);
  });

  it('holding one party of a conference ends the mix before the hold goes out', async () => {
    const { desk, contact, mark, consult } = await onCall();
    const third = consult();
    desk.calls.join(CUSTOMER);
    const sent = mark();
    expect(desk.calls.hold(CUSTOMER, 'thirdParty', true)).toEqual({ ok: true });
    expect(sent()).toEqual([
      { type: 'mix', callIds: [] },
      { type: 'hold', callId: third, hold: true },
    ]);
    expect(contact().conference).toBe(false);
  });

  it("a party's End is refused for a customer who left and a third party who is not there", async () => {
    const call = await onCall();
    expect(call.desk.calls.endLeg(CUSTOMER, 'thirdParty')).toEqual({
      ok: false,
      reason: 'noThirdParty',
    });
    call.consult();
    call.ended(CUSTOMER);
    const sent = call.mark();
    expect(call.desk.calls.endLeg(CUSTOMER, 'customer')).toEqual({
      ok: false,
      reason: 'customerLeft',
    });
    expect(sent()).toEqual([]);
  });

  it('ending a third party still ringing hangs it up and keeps the customer held', async () => {
    const { desk, contact, mark, consult } = await onCall();
    const third = consult('+442071838750', false);
    const sent = mark();
    expect(desk.calls.endLeg(CUSTOMER, 'thirdParty')).toEqual({ ok: true });
    expect(sent()).toEqual([{ type: 'hangup', callId: third }]);
    expect(contact()).toMatchObject({ state: 'connected', hold: 'held' });
    expect(contact().thirdParty).toBeUndefined();
  });

  it('End while the call is still dialling hangs up the dialled call', async () => {
    const { desk, engine } = await availableDesk();
    expect(desk.dial('+17345550100')).toEqual({ ok: true });
    const callId = (engine.last() as { callId: string }).callId;
    const from = engine.commands.length;
    expect(desk.contactIntents.end(callId)).toEqual({ ok: true });
    expect(engine.since(from)).toEqual([{ type: 'hangup', callId }]);
  });
});

describe('mute, DTMF and swap outside a call with both parties', () => {
  it('mute and DTMF are refused with notConnected while the call rings, and change nothing', async () => {
    const { desk, engine } = await availableDesk();
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'ringing',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    const from = engine.commands.length;
    expect(desk.calls.mute('ringing', true)).toEqual({ ok: false, reason: 'notConnected' });
    expect(desk.calls.sendDtmf('ringing', '1')).toEqual({ ok: false, reason: 'notConnected' });
    expect(desk.snapshot().contacts[0]).toMatchObject({ muted: false });
    expect(desk.snapshot().contacts[0]?.dtmfSent).toBeUndefined();
    expect(engine.since(from)).toEqual([]);
  });

  it('keeps exactly the digits sent for the pad, starting from none', async () => {
    const { desk, contact } = await onCall();
    desk.calls.sendDtmf(CUSTOMER, '12#');
    expect(contact().dtmfSent).toBe('12#');
  });

  it('swap is refused with noThirdParty, then thirdPartyNotConnected, and sends nothing', async () => {
    const call = await onCall();
    const sent = call.mark();
    expect(call.desk.calls.swap(CUSTOMER)).toEqual({ ok: false, reason: 'noThirdParty' });
    call.consult('+442071838750', false);
    const afterConsult = call.mark();
    expect(call.desk.calls.swap(CUSTOMER)).toEqual({ ok: false, reason: 'thirdPartyNotConnected' });
    expect(afterConsult()).toEqual([]);
    expect(sent().map((command) => command.type)).toEqual(['hold', 'call']);
  });
});
