/** What a provisioning profile changes in AgentDesk: remembered status, ACW timeout, auto-accept, quick connects. */
import { describe, expect, it } from 'vitest';
import { AVAILABLE, OFFLINE, type EngineEvent } from '../../common/contract';
import { AgentDesk } from './AgentDesk';
import { availableDesk, MemoryStub, RecordingEngine, REQUEST, silent } from './desk.testkit';
import { FakeClock } from './FakeClock.testkit';

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
    desk.contactIntents.accept('c1');
    emit({ type: 'confirmed', callId: 'c1' });
    desk.contactIntents.end('c1');
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
    desk.contactIntents.accept('c');
    desk.handleEngineEvent({ type: 'confirmed', callId: 'c' });
    expect(ids()).toEqual(['bob', 'sales', 'it']);
    desk.contactIntents.end('c');
    expect(ids()).toEqual(['it']);
  });
});
