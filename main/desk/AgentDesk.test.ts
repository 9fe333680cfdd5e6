import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, DeskState, OFFLINE, type EngineEvent } from '../../common/contract';
import { DialingRulesConfig } from '../dialing/DialingRules';
import { AgentDesk } from './AgentDesk';
import {
  availableDesk,
  MemoryHistory,
  MemoryStub,
  RecordingEngine,
  REQUEST,
  silent,
} from './desk.testkit';
import { FakeClock } from './FakeClock.testkit';
import { IllegalTransitionError } from '../../common/fsm/IllegalTransitionError';

describe('AgentDesk', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let memory: MemoryStub;
  let desk: AgentDesk;

  const emit = (event: EngineEvent) => desk.handleEngineEvent(event);

  async function signedIn(): Promise<void> {
    const result = desk.signIn(REQUEST);
    emit({ type: 'registration', state: 'registered' });
    expect(await result).toEqual({ ok: true });
    emit({ type: 'registration', state: 'unregistered' });
  }

  async function available(): Promise<void> {
    await signedIn();
    expect(desk.setStatus(AVAILABLE)).toEqual({ ok: true });
    emit({ type: 'registration', state: 'registered' });
    expect(desk.snapshot().agent.routable).toBe(true);
  }

  function offer(callId = 'call-1', user = 'customer1'): void {
    emit({
      type: 'incoming',
      callId,
      from: { user, uri: `sip:${user}@x`, displayName: 'Customer' },
      headers: {},
    });
  }

  beforeEach(() => {
    engine = new RecordingEngine();
    clock = new FakeClock();
    memory = new MemoryStub();
    desk = new AgentDesk({ engine, clock, memory, logger: silent });
  });

  describe('sign-in', () => {
    it('registers, then goes Offline and unregisters, and remembers the form', async () => {
      const pending = desk.signIn(REQUEST);
      expect(desk.snapshot().session.phase).toBe('signingIn');
      expect(engine.last()).toMatchObject({
        type: 'connect',
        register: true,
        account: { password: 'secret' },
      });
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
      const state = desk.snapshot();
      expect(state.session.phase).toBe('signedIn');
      expect(state.agent.statusId).toBe(OFFLINE);
      expect(engine.last()).toEqual({ type: 'unregister' });
      expect(memory.saved?.password).toBe('secret');
      expect(memory.saved?.form).not.toHaveProperty('password');
      expect(state.session.form).toMatchObject({ sipUri: REQUEST.sipUri, hasSavedPassword: true });
      expect(() => DeskState.parse(state)).not.toThrow();
    });

    it('maps a refused password to badCredentials and forgets nothing typed', async () => {
      const pending = desk.signIn(REQUEST);
      emit({
        type: 'registration',
        state: 'failed',
        cause: 'Authentication Error',
        statusCode: 401,
      });
      const result = await pending;
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'badCredentials', field: 'password' },
      });
      expect(desk.snapshot().session).toMatchObject({
        phase: 'signedOut',
        error: { code: 'badCredentials' },
      });
      expect(engine.last()).toEqual({ type: 'disconnect' });
      expect(memory.saved).toBeUndefined();
    });

    it('maps a socket that never opens to serverUnreachable', async () => {
      const pending = desk.signIn(REQUEST);
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(await pending).toMatchObject({
        ok: false,
        error: { code: 'serverUnreachable', field: 'serverUrl' },
      });
    });

    it('gives up with timeout when the server never answers', async () => {
      const pending = desk.signIn(REQUEST);
      clock.advance(15_000);
      expect(await pending).toMatchObject({ ok: false, error: { code: 'timeout' } });
      expect(desk.snapshot().session.phase).toBe('signedOut');
    });

    it('uses the saved password when the field is left empty, and refuses without one', async () => {
      expect(await desk.signIn({ ...REQUEST, password: '' })).toMatchObject({
        ok: false,
        error: { code: 'badCredentials' },
      });
      await signedIn();
      desk.signOut();
      const pending = desk.signIn({ ...REQUEST, password: '' });
      expect(engine.last()).toMatchObject({ type: 'connect', account: { password: 'secret' } });
      emit({ type: 'registration', state: 'registered' });
      expect(await pending).toEqual({ ok: true });
    });
  });

  describe('status', () => {
    it('registers on Available and unregisters on Offline, with a status timer', async () => {
      await signedIn();
      clock.advance(5_000);
      desk.setStatus(AVAILABLE);
      expect(engine.last()).toEqual({ type: 'register' });
      expect(desk.snapshot().agent.statusSince).toBe(clock.now());
      emit({ type: 'registration', state: 'registered' });
      desk.setStatus(OFFLINE);
      expect(engine.last()).toEqual({ type: 'unregister' });
      expect(desk.snapshot().registration).toBe('unregistering');
    });

    it('refuses an unknown status', async () => {
      await signedIn();
      expect(desk.setStatus('nap')).toEqual({ ok: false, reason: 'unknownStatus' });
    });
  });

  describe('incoming offers', () => {
    it('rings, is accepted, connects, ends into ACW and clears back to Available', async () => {
      await available();
      offer();
      let contact = desk.snapshot().contacts[0]!;
      expect(contact).toMatchObject({
        state: 'incoming',
        ringDeadline: clock.now() + 20_000,
        peer: { number: 'customer1' },
      });
      expect(desk.snapshot().agent.routable).toBe(false);

      desk.accept('call-1');
      expect(engine.last()).toEqual({ type: 'answer', callId: 'call-1' });
      emit({ type: 'confirmed', callId: 'call-1' });
      contact = desk.snapshot().contacts[0]!;
      expect(contact.state).toBe('connected');
      expect(contact.ringDeadline).toBeUndefined();

      clock.advance(20_000); // the old ring deadline passing must not touch a connected call
      desk.end('call-1');
      expect(engine.last()).toEqual({ type: 'hangup', callId: 'call-1' });
      expect(desk.snapshot().contacts[0]).toMatchObject({ state: 'acw', endedBy: 'agent' });
      emit({
        type: 'ended',
        callId: 'call-1',
        originator: 'local',
        cause: 'Terminated',
        failed: false,
      });
      expect(desk.snapshot().contacts[0]!.state).toBe('acw');

      desk.clear('call-1');
      const after = desk.snapshot();
      expect(after.contacts).toEqual([]);
      expect(after.agent).toMatchObject({ statusId: AVAILABLE, routable: true });
      expect(clock.pendingTimers()).toBe(0);
    });

    it('refuses offers with 486 when Offline or in a custom status', async () => {
      await signedIn();
      offer('while-offline');
      expect(engine.last()).toEqual({ type: 'reject', callId: 'while-offline', status: 486 });
      desk.setStatus('break');
      emit({ type: 'registration', state: 'registered' });
      offer('while-break');
      expect(engine.last()).toEqual({ type: 'reject', callId: 'while-break', status: 486 });
      expect(desk.snapshot().contacts).toEqual([]);
    });

    it('refuses a second offer while one is ringing', async () => {
      await available();
      offer('first');
      offer('second');
      expect(engine.last()).toEqual({ type: 'reject', callId: 'second', status: 486 });
      expect(desk.snapshot().contacts.map((contact) => contact.id)).toEqual(['first']);
    });

    it('releases an unanswered offer with 480 after 20 s into Missed', async () => {
      await available();
      offer();
      clock.advance(19_999);
      expect(desk.snapshot().contacts[0]!.state).toBe('incoming');
      clock.advance(1);
      expect(engine.last()).toEqual({ type: 'reject', callId: 'call-1', status: 480 });
      expect(desk.snapshot().contacts[0]).toMatchObject({ state: 'missed', endedBy: 'system' });
      offer('during-missed');
      expect(engine.last()).toEqual({ type: 'reject', callId: 'during-missed', status: 486 });
      desk.clear('call-1');
      expect(desk.snapshot().agent.routable).toBe(true);
    });

    it('rejects with 486 so the queue can try another agent', async () => {
      await available();
      offer();
      desk.reject('call-1');
      expect(engine.last()).toEqual({ type: 'reject', callId: 'call-1', status: 486 });
      expect(desk.snapshot().contacts).toEqual([]);
      expect(clock.pendingTimers()).toBe(0);
    });

    it('drops the banner when the caller hangs up while ringing', async () => {
      await available();
      offer();
      emit({
        type: 'ended',
        callId: 'call-1',
        originator: 'remote',
        cause: 'Canceled',
        failed: true,
      });
      expect(desk.snapshot().contacts).toEqual([]);
      expect(clock.pendingTimers()).toBe(0);
    });

    it('applies a status chosen during the call only after Clear', async () => {
      await available();
      offer();
      desk.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      const sentBefore = engine.commands.length;
      desk.setStatus('lunch');
      expect(engine.types().slice(sentBefore)).toEqual([]);
      emit({ type: 'ended', callId: 'call-1', originator: 'remote', cause: 'BYE', failed: false });
      expect(desk.snapshot().contacts[0]).toMatchObject({ state: 'acw', endedBy: 'customer' });
      desk.clear('call-1');
      expect(desk.snapshot().agent).toMatchObject({ statusId: 'lunch', routable: false });
    });

    it('treats Accept on a contact that is already connected as an illegal transition', async () => {
      await available();
      offer();
      desk.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      expect(() => desk.accept('call-1')).toThrow(IllegalTransitionError);
      expect(desk.accept('no-such-call')).toEqual({ ok: false, reason: 'contactNotFound' });
    });
  });

  describe('outbound calls', () => {
    it('refuses to dial while Offline', async () => {
      await signedIn();
      expect(desk.dial('customer1')).toEqual({ ok: false, reason: 'offlineCannotDial' });
    });

    it('dials, connects, and goes to ACW when the customer hangs up', async () => {
      await available();
      expect(desk.dial('customer1')).toEqual({ ok: true });
      const call = engine.last();
      expect(call).toMatchObject({ type: 'call', target: 'customer1' });
      const id = (call as { callId: string }).callId;
      expect(desk.snapshot().contacts[0]).toMatchObject({
        id,
        direction: 'outbound',
        state: 'dialing',
      });
      expect(desk.dial('customer2')).toEqual({ ok: false, reason: 'contactActive' });
      emit({ type: 'confirmed', callId: id });
      emit({ type: 'ended', callId: id, originator: 'remote', cause: 'BYE', failed: false });
      expect(desk.snapshot().contacts[0]!.state).toBe('acw');
    });

    it('shows a failed call with its SIP reason until cleared', async () => {
      await available();
      desk.dial('nobody');
      const id = (engine.last() as { callId: string }).callId;
      emit({
        type: 'ended',
        callId: id,
        originator: 'remote',
        cause: 'Not Found',
        failed: true,
        statusCode: 404,
      });
      expect(desk.snapshot().contacts[0]).toMatchObject({
        state: 'failed',
        endReason: '404 Not Found',
      });
      desk.clear(id);
      expect(desk.snapshot().agent.routable).toBe(true);
    });
  });

  describe('sign-out and engine restarts', () => {
    it('refuses sign-out during a contact, then sets Offline and disconnects', async () => {
      await available();
      offer();
      expect(desk.signOut()).toEqual({ ok: false, reason: 'contactActive' });
      desk.reject('call-1');
      expect(desk.signOut()).toEqual({ ok: true });
      const state = desk.snapshot();
      expect(state.session.phase).toBe('signedOut');
      expect(state.agent.statusId).toBe(OFFLINE);
      expect(engine.last()).toEqual({ type: 'disconnect' });
    });

    it('reconnects a reloaded engine and closes the calls it lost', async () => {
      emit({ type: 'ready' });
      await available();
      offer();
      desk.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      emit({ type: 'ready' });
      expect(engine.last()).toMatchObject({ type: 'connect', register: true });
      expect(desk.snapshot().contacts[0]).toMatchObject({
        state: 'acw',
        endCode: 'engineRestarted',
      });
      expect(desk.snapshot().notice?.code).toBe('engineRestarted');
    });

    it('shows a lost connection at once and its recovery', async () => {
      await available();
      emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
      expect(desk.snapshot()).toMatchObject({
        registration: 'registering',
        notice: { code: 'connectionLost', level: 'error' },
      });
      expect(desk.snapshot().agent.routable).toBe(false);
      emit({ type: 'registration', state: 'registered' });
      expect(desk.snapshot()).toMatchObject({
        registration: 'registered',
        notice: { code: 'reconnected' },
      });
    });
  });
});

describe('AgentDesk with profile options', () => {
  function setup(options: {
    acwTimeoutMs?: number;
    autoAccept?: { voice: boolean; beep: boolean };
    remembered?: string;
  }) {
    const engine = new RecordingEngine();
    const clock = new FakeClock();
    const saved: string[] = [];
    const desk = new AgentDesk({
      engine,
      clock,
      memory: new MemoryStub(),
      logger: silent,
      statusMemory: { load: () => options.remembered, save: (id) => saved.push(id) },
      ...(options.acwTimeoutMs !== undefined ? { acwTimeoutMs: options.acwTimeoutMs } : {}),
      ...(options.autoAccept ? { autoAccept: options.autoAccept } : {}),
    });
    const emit = (event: EngineEvent) => desk.handleEngineEvent(event);
    return { engine, clock, desk, emit, saved };
  }

  async function signInTo(desk: AgentDesk, emit: (event: EngineEvent) => void) {
    const pending = desk.signIn(REQUEST);
    emit({ type: 'registration', state: 'registered' });
    await pending;
  }

  it('restores the last chosen status at sign-in and remembers new choices', async () => {
    const { desk, emit, engine, saved } = setup({ remembered: 'lunch' });
    await signInTo(desk, emit);
    expect(desk.snapshot().agent.statusId).toBe('lunch');
    expect(engine.types()).not.toContain('unregister');
    desk.setStatus(AVAILABLE);
    expect(saved).toEqual([AVAILABLE]);
  });

  it('ignores a remembered status the profile no longer has', async () => {
    const { desk, emit } = setup({ remembered: 'gone' });
    await signInTo(desk, emit);
    expect(desk.snapshot().agent.statusId).toBe(OFFLINE);
  });

  it('clears ACW by itself after the ACW timeout, and not after a manual clear', async () => {
    const { desk, emit, clock } = setup({ acwTimeoutMs: 30_000, remembered: AVAILABLE });
    await signInTo(desk, emit);
    emit({
      type: 'incoming',
      callId: 'c1',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    desk.accept('c1');
    emit({ type: 'confirmed', callId: 'c1' });
    desk.end('c1');
    expect(desk.snapshot().contacts[0]).toMatchObject({
      state: 'acw',
      acwDeadline: clock.now() + 30_000,
    });
    clock.advance(29_999);
    expect(desk.snapshot().contacts).toHaveLength(1);
    clock.advance(1);
    expect(desk.snapshot().contacts).toEqual([]);
    expect(desk.snapshot().agent.routable).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('auto-accepts a voice offer with a beep when the profile says so', async () => {
    const { desk, emit, engine } = setup({
      autoAccept: { voice: true, beep: true },
      remembered: AVAILABLE,
    });
    await signInTo(desk, emit);
    emit({
      type: 'incoming',
      callId: 'c1',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(engine.last()).toEqual({ type: 'answer', callId: 'c1', beep: true });
    expect(desk.snapshot().contacts[0]).toMatchObject({ state: 'accepting', autoAccepted: true });
  });
});

describe('AgentDesk dialing rules', () => {
  it('dials a US number as typed in E.164 and shows it formatted', async () => {
    const { engine, desk } = await availableDesk();
    expect(desk.dial('734-764-4357')).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({ type: 'call', target: '+17347644357' });
    expect(desk.snapshot().contacts[0]!.peer.number).toBe('+1 734 764 4357');
  });

  it('reads a London number with the GB default country', async () => {
    const { engine, desk } = await availableDesk({
      dialingRules: DialingRulesConfig.parse({ defaultCountry: 'GB' }),
    });
    desk.dial('020 7183 8750');
    expect(engine.last()).toMatchObject({ type: 'call', target: '+442071838750' });
  });

  it('refuses an emergency number with its own reason and places nothing', async () => {
    const { engine, desk } = await availableDesk();
    const before = engine.commands.length;
    expect(desk.dial('9 1 1')).toEqual({ ok: false, reason: 'emergency' });
    expect(desk.dial('112')).toEqual({ ok: false, reason: 'emergency' });
    expect(engine.commands.length).toBe(before);
    expect(desk.snapshot().contacts).toEqual([]);
  });
});

describe('AgentDesk history', () => {
  it('records statuses and each contact with its outcome, and reports today in the snapshot', async () => {
    const engine = new RecordingEngine();
    const clock = new FakeClock();
    const history = new MemoryHistory();
    const desk = new AgentDesk({
      engine,
      clock,
      memory: new MemoryStub(),
      logger: silent,
      history,
    });
    const emit = (event: EngineEvent) => desk.handleEngineEvent(event);
    const offer = (callId: string) =>
      emit({
        type: 'incoming',
        callId,
        from: { user: 'cust', uri: 'sip:cust@x', displayName: 'C' },
        headers: {},
      });
    const pending = desk.signIn(REQUEST);
    emit({ type: 'registration', state: 'registered' });
    await pending;
    desk.setStatus(AVAILABLE);
    emit({ type: 'registration', state: 'registered' });

    offer('handled');
    desk.accept('handled');
    emit({ type: 'confirmed', callId: 'handled' });
    clock.advance(60_000);
    desk.end('handled');
    clock.advance(10_000);
    desk.clear('handled');

    offer('missed');
    clock.advance(20_000);
    desk.clear('missed');

    offer('rejected');
    desk.reject('rejected');

    const contacts = history.records.filter((record) => record.type === 'contact');
    expect(contacts.map((record) => [record.contactId, record.outcome])).toEqual([
      ['handled', 'handled'],
      ['missed', 'missed'],
      ['rejected', 'rejected'],
    ]);
    expect(contacts[0]).toMatchObject({ handleMs: 60_000, acwMs: 10_000 });
    expect(
      history.records.filter((record) => record.type === 'status').map((record) => record.statusId),
    ).toEqual([AVAILABLE]);
    expect(desk.snapshot().today).toMatchObject({
      handled: 1,
      missed: 1,
      rejected: 1,
      averageHandleMs: 60_000,
      totalAcwMs: 10_000,
    });
  });
});

describe('AgentDesk quick connects', () => {
  it('takes quick connects given at construction, like every other profile option', async () => {
    const { desk } = await availableDesk({
      quickConnects: [{ id: 'it', kind: 'external', name: 'IT desk', target: '+442079460000' }],
    });
    expect(desk.snapshot().quickConnects.map((entry) => entry.id)).toEqual(['it']);
  });

  it('lists external quick connects always, agent and queue ones only during a call', async () => {
    const engine = new RecordingEngine();
    const desk = new AgentDesk({
      engine,
      clock: new FakeClock(),
      memory: new MemoryStub(),
      logger: silent,
      statusMemory: { load: () => AVAILABLE, save: () => undefined },
    });
    desk.applyProfile({
      quickConnects: [
        { id: 'bob', kind: 'agent', name: 'Bob', target: 'sip:bob@x' },
        { id: 'sales', kind: 'queue', name: 'Sales', target: 'sip:sales@x' },
        { id: 'it', kind: 'external', name: 'IT desk', target: '+442079460000' },
      ],
    });
    const ids = () => desk.snapshot().quickConnects.map((entry) => entry.id);
    expect(ids()).toEqual(['it']);
    const pending = desk.signIn(REQUEST);
    desk.handleEngineEvent({ type: 'registration', state: 'registered' });
    await pending;
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'c',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(ids()).toEqual(['it']);
    desk.accept('c');
    desk.handleEngineEvent({ type: 'confirmed', callId: 'c' });
    expect(ids()).toEqual(['bob', 'sales', 'it']);
    desk.end('c');
    expect(ids()).toEqual(['it']);
  });
});

describe('AgentDesk dial links', () => {
  it('puts a tel: link in the number pad, a new one each time', async () => {
    const { engine, desk } = await availableDesk();
    const before = engine.commands.length;
    desk.openDialLink('tel:+1-734-764-4357');
    expect(desk.snapshot().dialDraft).toEqual({ target: '+17347644357', seq: 1 });
    desk.openDialLink('tel:+1-734-764-4357');
    expect(desk.snapshot().dialDraft?.seq).toBe(2);
    expect(engine.commands.length).toBe(before);
  });

  it('dials a callto: link at once, and refuses junk with a notice', async () => {
    const { engine, desk } = await availableDesk();
    desk.openDialLink('callto:+17347644357');
    expect(engine.last()).toMatchObject({ type: 'call', target: '+17347644357' });
    expect(desk.openDialLink('javascript:alert(1)')).toEqual({ ok: false, reason: 'invalid' });
    expect(desk.snapshot().notice?.code).toBe('dialLinkInvalid');
  });
});
