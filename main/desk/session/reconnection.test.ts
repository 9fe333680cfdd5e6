/** The desk connects the line again on its own backoff after the server's connection dropped. */
import { beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE } from '../../../common/contract';
import type { AgentDesk } from '../AgentDesk';
import { deskSteps, newDesk, REQUEST, type RecordingEngine } from '../desk.testkit';
import type { FakeClock } from '../FakeClock.testkit';

const DROP = { type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' } as const;

describe('reconnection after the connection to the server dropped', () => {
  let engine: RecordingEngine;
  let clock: FakeClock;
  let desk: AgentDesk;
  let draw = 0;
  const { emit, signedIn, available } = deskSteps(() => desk);

  beforeEach(() => {
    draw = 0;
    ({ engine, clock, desk } = newDesk({ random: () => draw }));
  });

  /** Reconnect commands sent while `act` runs. */
  function reconnectsDuring(act: () => void): unknown[] {
    const from = engine.commands.length;
    act();
    return engine.since(from).filter((command) => command.type === 'reconnect');
  }

  it('asks the engine to connect again 250 ms after the drop, registering for an Available agent', async () => {
    await available();
    emit(DROP);
    expect(reconnectsDuring(() => clock.advance(249))).toEqual([]);
    expect(reconnectsDuring(() => clock.advance(1))).toEqual([
      { type: 'reconnect', register: true },
    ]);
  });

  it('backs off 250, 500, 1000, 2000 ms and then stays at most 2.5 s while the server stays down', async () => {
    await available();
    draw = 0.999999;
    const waits: number[] = [];
    emit(DROP);
    for (let attempt = 0; attempt < 6; attempt++) {
      const before = clock.now();
      let sent = 0;
      while (sent === 0) sent = reconnectsDuring(() => clock.advance(10)).length;
      waits.push(clock.now() - before);
      emit(DROP); // this attempt failed too
    }
    expect(waits).toEqual([500, 1000, 2000, 2500, 2500, 2500]);
  });

  it('starts the backoff over once connected again', async () => {
    await available();
    emit(DROP);
    clock.advance(250);
    emit(DROP);
    clock.advance(500);
    emit({ type: 'transport', state: 'connected' });
    emit(DROP);
    expect(reconnectsDuring(() => clock.advance(250))).toHaveLength(1);
  });

  it('sends nothing more once connected: the pending attempt is cancelled', async () => {
    await available();
    emit(DROP);
    emit({ type: 'transport', state: 'connected' });
    expect(reconnectsDuring(() => clock.advance(10_000))).toEqual([]);
  });

  it('reconnects without registering for an agent who is Offline', async () => {
    await signedIn();
    expect(desk.snapshot().agent.statusId).toBe(OFFLINE);
    emit(DROP);
    expect(reconnectsDuring(() => clock.advance(500))).toEqual([
      { type: 'reconnect', register: false },
    ]);
  });

  it('tries at once when the network comes back, and again on the short first step after', async () => {
    await available();
    draw = 0.999999;
    emit(DROP);
    clock.advance(500);
    emit(DROP);
    expect(reconnectsDuring(() => emit({ type: 'network', online: true }))).toEqual([
      { type: 'reconnect', register: true },
    ]);
    emit(DROP);
    expect(reconnectsDuring(() => clock.advance(500))).toHaveLength(1);
  });

  it('refreshes the line at once when the machine wakes from sleep, even when it looks connected', async () => {
    await available();
    expect(reconnectsDuring(() => desk.systemResumed())).toEqual([
      { type: 'reconnect', register: true },
    ]);
  });

  it('does nothing on network-up or wake before sign-in, or after sign-out', async () => {
    expect(reconnectsDuring(() => emit({ type: 'network', online: true }))).toEqual([]);
    await available();
    emit(DROP);
    desk.signOut();
    expect(reconnectsDuring(() => clock.advance(10_000))).toEqual([]);
    expect(reconnectsDuring(() => desk.systemResumed())).toEqual([]);
  });

  it('ignores the network going down: the socket dropping is what tells', async () => {
    await available();
    expect(reconnectsDuring(() => emit({ type: 'network', online: false }))).toEqual([]);
    expect(desk.snapshot().registration).toBe('registered');
  });

  it('leaves the servers to the engine during sign-in: a drop there schedules nothing', async () => {
    void desk.signIn(REQUEST);
    emit(DROP);
    expect(reconnectsDuring(() => clock.advance(10_000))).toEqual([]);
  });

  it('stops retrying when a reloaded engine is connected afresh', async () => {
    emit({ type: 'ready' });
    await available();
    emit(DROP);
    emit({ type: 'ready' });
    expect(reconnectsDuring(() => clock.advance(10_000))).toEqual([]);
  });
});
