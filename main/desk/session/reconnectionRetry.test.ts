/**
 * Reconnection on its own: one retry scheduled at a time after the line is lost, `pending` while
 * it waits, and every way the wait ends (the attempt is sent, the line is back, the agent tries
 * now, the session stops). The desk-level behaviour is in reconnection.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineCommand } from '../../../common/contract';
import { FakeClock } from '../FakeClock.testkit';
import { Reconnection } from './Reconnection';

describe('Reconnection', () => {
  let sent: EngineCommand[];
  let clock: FakeClock;
  let registerWanted: boolean;
  let reconnection: Reconnection;

  beforeEach(() => {
    sent = [];
    clock = new FakeClock();
    registerWanted = true;
    // random 0: the first wait is 250 ms, the second 500 ms (reconnectDelay.ts).
    reconnection = new Reconnection(
      { send: (command) => sent.push(command) },
      clock,
      () => 0,
      () => registerWanted,
    );
  });

  it('has no retry pending and sends nothing before the line is ever lost', () => {
    expect(reconnection.pending).toBe(false);
    clock.advance(10_000);
    expect(sent).toEqual([]);
  });

  it('has a retry pending from the drop until the reconnect is sent, and none after', () => {
    reconnection.connectionLost();
    expect(reconnection.pending).toBe(true);
    clock.advance(249);
    expect(reconnection.pending).toBe(true);
    expect(sent).toEqual([]);
    clock.advance(1);
    expect(sent).toEqual([{ type: 'reconnect', register: true }]);
    expect(reconnection.pending).toBe(false);
  });

  it('keeps one retry when the line is lost again while one is pending, so one reconnect is sent', () => {
    reconnection.connectionLost();
    clock.advance(100);
    reconnection.connectionLost();
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(10_000);
    expect(sent).toEqual([{ type: 'reconnect', register: true }]);
  });

  it('drops the pending retry when the connection is restored: nothing pending, nothing sent', () => {
    reconnection.connectionLost();
    reconnection.connectionRestored();
    expect(reconnection.pending).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(10_000);
    expect(sent).toEqual([]);
  });

  it('tries at once on tryNow and drops the scheduled retry, so the reconnect is sent once', () => {
    reconnection.connectionLost();
    reconnection.tryNow();
    expect(sent).toEqual([{ type: 'reconnect', register: true }]);
    expect(reconnection.pending).toBe(false);
    clock.advance(10_000);
    expect(sent).toHaveLength(1);
  });

  it('starts the backoff over after tryNow: the next drop waits the first step again', () => {
    reconnection.connectionLost();
    clock.advance(250);
    reconnection.connectionLost(); // second step: 500 ms
    reconnection.tryNow();
    reconnection.connectionLost();
    clock.advance(250);
    expect(sent).toHaveLength(3);
  });

  it('drops the pending retry when stopped: nothing pending, nothing sent', () => {
    reconnection.connectionLost();
    reconnection.stop();
    expect(reconnection.pending).toBe(false);
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(10_000);
    expect(sent).toEqual([]);
  });

  it('asks to register as the agent wants it when the retry is sent, not when it was scheduled', () => {
    reconnection.connectionLost();
    registerWanted = false;
    clock.advance(250);
    expect(sent).toEqual([{ type: 'reconnect', register: false }]);
  });
});
