/** Desk phone mode on the desk (B3): both legs' reports, and what each means for the other. */
import { describe, expect, it } from 'vitest';
import type { DeskState, EngineCommand, EngineEvent } from '../../../../common/contract';
import { availableDesk } from '../../desk.testkit';

const DESK_NUMBER = '+442071838750';
const CUSTOMER = 'cust';

async function deskPhoneDesk(ringTimeoutMs = 20_000) {
  const kit = await availableDesk({ ringTimeoutMs });
  const { desk, engine } = kit;
  desk.setDeskPhone({ allowed: true, mode: 'deskPhone', number: DESK_NUMBER, locked: false });
  const emit = (event: EngineEvent) => desk.handleEngineEvent(event);
  const contact = () => desk.snapshot().contacts[0];
  const ended = (callId: string, originator: 'local' | 'remote' = 'remote', failed = false) =>
    emit({
      type: 'ended',
      callId,
      originator,
      cause: failed ? 'Busy' : 'Terminated',
      failed,
      ...(failed ? { statusCode: 486 } : {}),
    });
  /** Every desk leg's callId, oldest first: the engine's calls to the desk phone's number. */
  const deskLegs = (): string[] =>
    engine.commands
      .filter(
        (command): command is Extract<EngineCommand, { type: 'call' }> =>
          command.type === 'call' && command.target === DESK_NUMBER,
      )
      .map((call) => call.callId);
  /** The first desk leg's callId. */
  const deskLeg = (): string => {
    const [first] = deskLegs();
    if (!first) throw new Error('the desk phone was not called');
    return first;
  };
  const offer = (callId = CUSTOMER) =>
    emit({
      type: 'incoming',
      callId,
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
  /** The snapshots the desk publishes to the UI from now on. */
  const published = (): DeskState[] => {
    const states: DeskState[] = [];
    desk.subscribe((state) => void states.push(state));
    return states;
  };
  return { ...kit, emit, contact, ended, deskLeg, deskLegs, offer, published };
}

describe('desk phone mode, inbound', () => {
  it('an offer rings the desk phone, muted, stops the PC ringing and leaves the customer unanswered', async () => {
    const { offer, engine, contact, deskLeg } = await deskPhoneDesk();
    const from = engine.commands.length;
    offer();
    expect(contact()).toMatchObject({ state: 'incoming', deskPhone: true });
    expect(engine.since(from)).toEqual([
      { type: 'ring-elsewhere', callId: CUSTOMER },
      { type: 'call', callId: deskLeg(), target: DESK_NUMBER },
      { type: 'mute', callId: deskLeg(), muted: true },
    ]);
  });

  it('the desk phone answering answers the customer; both up bridges them, unheard on the PC, and connects', async () => {
    const { offer, engine, contact, deskLeg, emit } = await deskPhoneDesk();
    offer();
    const from = engine.commands.length;
    emit({ type: 'confirmed', callId: deskLeg() });
    expect(contact()?.state).toBe('accepting');
    expect(engine.since(from)).toEqual([
      { type: 'answer', callId: CUSTOMER },
      { type: 'mute', callId: CUSTOMER, muted: true },
    ]);
    emit({ type: 'confirmed', callId: CUSTOMER });
    expect(contact()?.state).toBe('connected');
    expect(engine.last()).toEqual({
      type: 'mix',
      callIds: [CUSTOMER, deskLeg()],
      listen: false,
    });
  });

  it('a desk phone that refuses (busy) makes the offer missed, released with 480', async () => {
    const { offer, engine, contact, deskLeg, ended } = await deskPhoneDesk();
    offer();
    ended(deskLeg(), 'remote', true);
    expect(contact()).toMatchObject({ state: 'missed', endCode: 'ringTimeout' });
    expect(engine.last()).toEqual({ type: 'reject', callId: CUSTOMER, status: 480 });
  });

  it('a desk phone that does not answer within the ring time is hung up, the offer missed', async () => {
    const { offer, engine, contact, deskLeg, clock } = await deskPhoneDesk(15_000);
    offer();
    clock.advance(15_000);
    expect(contact()?.state).toBe('missed');
    expect(engine.commands.slice(-2)).toEqual([
      { type: 'hangup', callId: deskLeg() },
      { type: 'reject', callId: CUSTOMER, status: 480 },
    ]);
  });

  it('the customer giving up while the desk phone rings stops the desk phone', async () => {
    const { offer, engine, contact, deskLeg, ended } = await deskPhoneDesk();
    offer();
    ended(CUSTOMER, 'remote', true);
    expect(contact()).toBeUndefined();
    expect(engine.last()).toEqual({ type: 'hangup', callId: deskLeg() });
  });

  it('the desk phone hanging up ends the customer leg and the contact goes to ACW', async () => {
    const { offer, engine, contact, deskLeg, emit, ended } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    ended(deskLeg());
    expect(contact()).toMatchObject({ state: 'acw', endedBy: 'agent', endCode: 'agentEnded' });
    expect(engine.last()).toEqual({ type: 'hangup', callId: CUSTOMER });
    // The customer leg's own report of that hangup changes nothing more.
    ended(CUSTOMER, 'local');
    expect(contact()?.state).toBe('acw');
  });

  it('the customer hanging up hangs up the desk phone and the contact goes to ACW', async () => {
    const { offer, engine, contact, deskLeg, emit, ended } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    ended(CUSTOMER);
    expect(contact()).toMatchObject({ state: 'acw', endedBy: 'customer' });
    expect(engine.last()).toEqual({ type: 'hangup', callId: deskLeg() });
    ended(deskLeg(), 'local');
    expect(contact()?.state).toBe('acw');
  });

  it('End in the app hangs up both legs', async () => {
    const { offer, engine, desk, deskLeg, emit } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    const from = engine.commands.length;
    expect(desk.contactIntents.end(CUSTOMER)).toEqual({ ok: true });
    expect(engine.since(from)).toEqual(
      expect.arrayContaining([
        { type: 'hangup', callId: CUSTOMER },
        { type: 'hangup', callId: deskLeg() },
      ]),
    );
  });

  it('mute and consult are refused on a bridged call: the PC microphone stays off the bridge', async () => {
    const { offer, desk, engine, deskLeg, emit } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    const from = engine.commands.length;
    expect(desk.calls.mute(CUSTOMER, false)).toEqual({ ok: false, reason: 'notPermitted' });
    expect(desk.calls.consult(CUSTOMER, { via: 'number', number: '+14155552671' })).toEqual({
      ok: false,
      reason: 'notPermitted',
    });
    expect(engine.since(from)).toEqual([]);
  });

  it('Accept at the PC after all stops the desk phone and takes the call as a softphone call', async () => {
    const { offer, desk, engine, contact, deskLeg } = await deskPhoneDesk();
    offer();
    expect(desk.contactIntents.accept(CUSTOMER)).toEqual({ ok: true });
    expect(engine.commands.slice(-2)).toEqual([
      { type: 'hangup', callId: deskLeg() },
      { type: 'answer', callId: CUSTOMER },
    ]);
    expect(contact()?.deskPhone).toBeUndefined();
  });

  it('desk leg reports other than its answer and end never touch the contact nor publish a snapshot', async () => {
    const { offer, contact, deskLeg, emit, published } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    const snapshots = published();
    emit({ type: 'remote-hold', callId: deskLeg(), held: true });
    expect(contact()).toMatchObject({ state: 'accepting' });
    expect(contact()?.remoteHold).toBeUndefined();
    expect(snapshots).toEqual([]);
  });

  it('the desk phone answering publishes the contact, now accepting, to the UI', async () => {
    const { offer, deskLeg, emit, published } = await deskPhoneDesk();
    offer();
    const snapshots = published();
    emit({ type: 'confirmed', callId: deskLeg() });
    expect(snapshots.map((state) => state.contacts[0]?.state)).toEqual(['accepting']);
  });

  it('a desk phone that refuses publishes the missed offer to the UI', async () => {
    const { offer, deskLeg, ended, published } = await deskPhoneDesk();
    offer();
    const snapshots = published();
    ended(deskLeg(), 'remote', true);
    expect(snapshots.map((state) => state.contacts[0]?.state)).toEqual(['missed']);
  });

  it('the desk phone hanging up publishes the contact in ACW to the UI', async () => {
    const { offer, deskLeg, emit, ended, published } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    const snapshots = published();
    ended(deskLeg());
    expect(snapshots.map((state) => state.contacts[0]?.state)).toEqual(['acw']);
  });

  it('the desk leg reporting the end of our own hangup sends nothing and publishes nothing', async () => {
    const { offer, engine, deskLeg, emit, ended, published } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    ended(CUSTOMER);
    const from = engine.commands.length;
    const snapshots = published();
    ended(deskLeg(), 'local');
    expect(engine.since(from)).toEqual([]);
    expect(snapshots).toEqual([]);
  });

  it('the desk phone answering just after Accept at the PC is hung up again and answers nothing', async () => {
    const { offer, desk, engine, contact, deskLeg, emit, published } = await deskPhoneDesk();
    offer();
    desk.contactIntents.accept(CUSTOMER);
    const from = engine.commands.length;
    const snapshots = published();
    emit({ type: 'confirmed', callId: deskLeg() });
    expect(engine.since(from)).toEqual([{ type: 'hangup', callId: deskLeg() }]);
    expect(contact()?.state).toBe('accepting');
    expect(snapshots).toEqual([]);
  });

  it('a call accepted at the PC after all connects as a softphone call, never bridged to the desk phone', async () => {
    const { offer, desk, engine, contact, emit } = await deskPhoneDesk();
    offer();
    desk.contactIntents.accept(CUSTOMER);
    const from = engine.commands.length;
    emit({ type: 'confirmed', callId: CUSTOMER });
    expect(contact()?.state).toBe('connected');
    expect(engine.since(from).map((command) => command.type)).not.toContain('mix');
  });

  it('after End in the app, the two legs reporting their end hang up nothing more', async () => {
    const { offer, desk, engine, contact, deskLeg, emit, ended } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLeg() });
    emit({ type: 'confirmed', callId: CUSTOMER });
    desk.contactIntents.end(CUSTOMER);
    const from = engine.commands.length;
    ended(CUSTOMER, 'local');
    ended(deskLeg(), 'local');
    expect(engine.since(from)).toEqual([]);
    expect(contact()?.state).toBe('acw');
  });

  it('a desk phone answering late, after the engine was lost with the offer, is hung up with nothing to answer', async () => {
    const { offer, desk, engine, contact, deskLeg, emit, published } = await deskPhoneDesk();
    offer();
    desk.engineLost('notResponding');
    expect(contact()).toBeUndefined();
    const from = engine.commands.length;
    const snapshots = published();
    emit({ type: 'confirmed', callId: deskLeg() });
    expect(engine.since(from)).toEqual([{ type: 'hangup', callId: deskLeg() }]);
    expect(snapshots).toEqual([]);
  });

  it('a desk leg ending late, after the engine was lost with the offer, changes nothing', async () => {
    const { offer, desk, engine, contact, deskLeg, published, ended } = await deskPhoneDesk();
    offer();
    desk.engineLost('notResponding');
    const from = engine.commands.length;
    const snapshots = published();
    ended(deskLeg(), 'remote', true);
    expect(engine.since(from)).toEqual([]);
    expect(snapshots).toEqual([]);
    expect(contact()).toBeUndefined();
  });

  it('the desk legs of a lost engine are forgotten once a new page is up, and the next offer rings the desk phone again', async () => {
    const { offer, desk, engine, deskLeg, deskLegs, emit } = await deskPhoneDesk();
    offer();
    const old = deskLeg();
    desk.engineLost('notResponding');
    emit({ type: 'ready' });
    emit({ type: 'registration', state: 'registered' });
    const from = engine.commands.length;
    // The old page went with its calls: a report under its desk leg's id is no desk phone's.
    emit({ type: 'confirmed', callId: old });
    expect(engine.since(from)).toEqual([]);
    offer('cust-2');
    expect(deskLegs()).toHaveLength(2);
    expect(engine.since(from)).toContainEqual({
      type: 'call',
      callId: deskLegs()[1],
      target: DESK_NUMBER,
    });
  });

  it("the next call bridges its own desk leg while the last call's desk leg has not reported its end yet", async () => {
    const { offer, desk, engine, deskLegs, emit, ended } = await deskPhoneDesk();
    offer();
    emit({ type: 'confirmed', callId: deskLegs()[0]! });
    emit({ type: 'confirmed', callId: CUSTOMER });
    // The customer hangs up; the desk leg is hung up, its own end report still on the way.
    ended(CUSTOMER);
    expect(desk.contactIntents.clear(CUSTOMER)).toEqual({ ok: true });
    offer('cust-2');
    const second = deskLegs()[1]!;
    emit({ type: 'confirmed', callId: second });
    emit({ type: 'confirmed', callId: 'cust-2' });
    expect(engine.last()).toEqual({ type: 'mix', callIds: ['cust-2', second], listen: false });
  });

  it('on the softphone an offer rings here and nothing calls a desk phone', async () => {
    const { offer, engine, desk, contact } = await deskPhoneDesk();
    desk.setDeskPhone({ allowed: true, mode: 'softphone', number: DESK_NUMBER, locked: false });
    const from = engine.commands.length;
    offer();
    expect(contact()?.deskPhone).toBeUndefined();
    expect(engine.since(from).map((c) => c.type)).not.toContain('call');
  });
});

describe('desk phone mode, outbound (click-to-call)', () => {
  it('a dial rings the desk phone first and calls the customer once it answers', async () => {
    const { desk, engine, contact, deskLeg, emit } = await deskPhoneDesk();
    expect(desk.dial('+14155552671')).toEqual({ ok: true });
    const id = contact()!.id;
    expect(contact()).toMatchObject({ state: 'dialing', deskPhone: true });
    expect(engine.commands.filter((c) => c.type === 'call')).toHaveLength(1);
    emit({ type: 'confirmed', callId: deskLeg() });
    expect(engine.commands.slice(-2)).toEqual([
      { type: 'call', callId: id, target: '+14155552671' },
      { type: 'mute', callId: id, muted: true },
    ]);
    emit({ type: 'confirmed', callId: id });
    expect(contact()?.state).toBe('connected');
    expect(engine.last()).toEqual({ type: 'mix', callIds: [id, deskLeg()], listen: false });
  });

  it('a desk phone that does not answer fails the dial without calling the customer', async () => {
    const { desk, engine, contact, deskLeg, ended } = await deskPhoneDesk();
    desk.dial('+14155552671');
    ended(deskLeg(), 'remote', true);
    expect(contact()?.state).toBe('failed');
    expect(engine.commands.filter((c) => c.type === 'call')).toHaveLength(1);
  });

  it('the customer not answering hangs up the desk phone', async () => {
    const { desk, engine, contact, deskLeg, emit, ended } = await deskPhoneDesk();
    desk.dial('+14155552671');
    emit({ type: 'confirmed', callId: deskLeg() });
    ended(contact()!.id, 'remote', true);
    expect(contact()?.state).toBe('failed');
    expect(engine.last()).toEqual({ type: 'hangup', callId: deskLeg() });
  });
});
