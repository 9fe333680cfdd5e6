import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../desk/FakeClock.testkit';
import { RecordingEngine } from '../desk/desk.testkit';
import { EngineSupervisor, type EngineLoss } from './EngineSupervisor';

describe('EngineSupervisor', () => {
  let clock: FakeClock;
  let engine: RecordingEngine;
  let losses: EngineLoss[];
  let supervisor: EngineSupervisor;

  const pings = () => engine.commands.filter((command) => command.type === 'ping');
  /** The engine answers every ping sent so far. */
  const answer = () => {
    for (const ping of pings())
      if (ping.type === 'ping') supervisor.observe({ type: 'pong', seq: ping.seq });
  };

  beforeEach(() => {
    clock = new FakeClock();
    engine = new RecordingEngine();
    losses = [];
    supervisor = new EngineSupervisor(engine, clock, (reason) => losses.push(reason));
  });

  it('pings nothing before the engine page says ready', () => {
    clock.advance(10_000);
    expect(pings()).toEqual([]);
    expect(losses).toEqual([]);
  });

  it('pings every second once ready, with increasing numbers', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000);
    answer();
    clock.advance(1_000);
    answer();
    clock.advance(1_000);
    expect(pings()).toEqual([
      { type: 'ping', seq: 1 },
      { type: 'ping', seq: 2 },
      { type: 'ping', seq: 3 },
    ]);
  });

  it('stays quiet for an engine that answers, over a long shift', () => {
    supervisor.observe({ type: 'ready' });
    for (let second = 0; second < 600; second++) {
      clock.advance(1_000);
      answer();
    }
    expect(losses).toEqual([]);
  });

  it('reports the engine not responding 3 s after a ping that got no answer, once', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000); // ping 1, unanswered
    clock.advance(2_999);
    expect(losses).toEqual([]);
    clock.advance(1);
    expect(losses).toEqual(['notResponding']);
    clock.advance(60_000);
    expect(losses).toEqual(['notResponding']);
  });

  it('counts any event as a sign of life: a pong stuck behind a burst of events is no hang', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000);
    clock.advance(2_000);
    supervisor.observe({ type: 'progress', callId: 'call-1' });
    clock.advance(1_000);
    expect(losses).toEqual([]);
  });

  it('asks for a sign of life at once when the agent ends a call, and reports a hang 3 s later', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000);
    answer();
    clock.advance(500);
    supervisor.send({ type: 'hangup', callId: 'call-1' });
    expect(engine.types().slice(-2)).toEqual(['hangup', 'ping']);
    clock.advance(3_000);
    expect(losses).toEqual(['notResponding']);
  });

  it('passes every command on to the engine unchanged', () => {
    supervisor.send({ type: 'register' });
    supervisor.send({ type: 'hangup', callId: 'call-9' });
    expect(engine.commands).toEqual([{ type: 'register' }, { type: 'hangup', callId: 'call-9' }]);
  });

  it('reports a page the shell saw crash at once, and only while watching', () => {
    supervisor.gone();
    expect(losses).toEqual([]);
    supervisor.observe({ type: 'ready' });
    supervisor.gone();
    supervisor.gone();
    expect(losses).toEqual(['gone']);
  });

  it('watches the new engine page from its ready on, with a fresh silence window', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(4_000);
    expect(losses).toEqual(['notResponding']);
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000);
    answer();
    clock.advance(1_000);
    answer();
    expect(losses).toEqual(['notResponding']);
    clock.advance(4_000);
    expect(losses).toEqual(['notResponding', 'notResponding']);
  });

  it('sends no ping for a hangup before the engine page is ready', () => {
    supervisor.send({ type: 'hangup', callId: 'call-1' });
    expect(pings()).toEqual([]);
  });

  it('keeps its beat when events arrive between pings: one ping a second, no more', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(500);
    supervisor.observe({ type: 'progress', callId: 'call-1' });
    clock.advance(500);
    answer();
    clock.advance(500);
    supervisor.observe({ type: 'pong', seq: 1 });
    clock.advance(500);
    answer();
    expect(pings().map((ping) => (ping.type === 'ping' ? ping.seq : 0))).toEqual([1, 2]);
  });

  it('arms one deadline from the oldest unanswered ping: a late answer after it is too late', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000); // ping 1 at 1 s, deadline 4 s
    clock.advance(2_000); // pings 2 and 3, no new deadline
    clock.advance(999);
    expect(losses).toEqual([]);
    clock.advance(1);
    expect(losses).toEqual(['notResponding']);
  });

  it('does not count an event of the same millisecond as the ping as an answer to it', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_000);
    supervisor.observe({ type: 'progress', callId: 'call-1' });
    clock.advance(3_000);
    expect(losses).toEqual(['notResponding']);
  });

  it('counts an event a millisecond after the ping as a sign of life', () => {
    supervisor.observe({ type: 'ready' });
    clock.advance(1_001);
    supervisor.observe({ type: 'progress', callId: 'call-1' });
    clock.advance(2_999);
    expect(losses).toEqual([]);
  });

  it('asks for a sign of life on End only: other commands send no extra ping', () => {
    supervisor.observe({ type: 'ready' });
    supervisor.send({ type: 'hold', callId: 'call-1', hold: true });
    supervisor.send({ type: 'register' });
    expect(pings()).toEqual([]);
  });
});
