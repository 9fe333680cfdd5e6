/** Offers through AgentDesk: ringing, accepted, rejected, missed, and each recorded in the history. */
import { beforeEach, describe, expect, it } from 'vitest';
import { AVAILABLE, type EngineEvent } from '../../../common/contract';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { AgentDesk } from '../AgentDesk';
import {
  deskSteps,
  MemoryHistory,
  MemoryStub,
  newDesk,
  RecordingEngine,
  REQUEST,
  silent,
} from '../desk.testkit';
import { FakeClock } from '../FakeClock.testkit';

describe('AgentDesk', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let desk: AgentDesk;
  const { emit, signedIn, available, offer } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, clock, desk } = newDesk());
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

      desk.contactIntents.accept('call-1');
      expect(engine.last()).toEqual({ type: 'answer', callId: 'call-1' });
      emit({ type: 'confirmed', callId: 'call-1' });
      contact = desk.snapshot().contacts[0]!;
      expect(contact.state).toBe('connected');
      expect(contact.ringDeadline).toBeUndefined();

      clock.advance(20_000); // the old ring deadline passing must not touch a connected call
      desk.contactIntents.end('call-1');
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

      desk.contactIntents.clear('call-1');
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
      desk.contactIntents.clear('call-1');
      expect(desk.snapshot().agent.routable).toBe(true);
    });

    it('rejects with 486 so the queue can try another agent', async () => {
      await available();
      offer();
      desk.contactIntents.reject('call-1');
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
      desk.contactIntents.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      const sentBefore = engine.commands.length;
      desk.setStatus('lunch');
      expect(engine.types().slice(sentBefore)).toEqual([]);
      emit({ type: 'ended', callId: 'call-1', originator: 'remote', cause: 'BYE', failed: false });
      expect(desk.snapshot().contacts[0]).toMatchObject({ state: 'acw', endedBy: 'customer' });
      desk.contactIntents.clear('call-1');
      expect(desk.snapshot().agent).toMatchObject({ statusId: 'lunch', routable: false });
    });

    it('treats Accept on a contact that is already connected as an illegal transition', async () => {
      await available();
      offer();
      desk.contactIntents.accept('call-1');
      emit({ type: 'confirmed', callId: 'call-1' });
      expect(() => desk.contactIntents.accept('call-1')).toThrow(IllegalTransitionError);
      expect(desk.contactIntents.accept('no-such-call')).toEqual({
        ok: false,
        reason: 'contactNotFound',
      });
    });
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
    desk.contactIntents.accept('handled');
    emit({ type: 'confirmed', callId: 'handled' });
    clock.advance(60_000);
    desk.contactIntents.end('handled');
    clock.advance(10_000);
    desk.contactIntents.clear('handled');

    offer('missed');
    clock.advance(20_000);
    desk.contactIntents.clear('missed');

    offer('rejected');
    desk.contactIntents.reject('rejected');

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
