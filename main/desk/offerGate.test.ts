/** The engine is told whether offers may ring, so it can answer 486 itself when they may not. */
import { beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE } from '../../common/contract';
import type { AgentDesk } from './AgentDesk';
import { deskSteps, newDesk, type RecordingEngine } from './desk.testkit';

describe('the offer gate the desk keeps in the engine', () => {
  let engine: RecordingEngine;
  let desk: AgentDesk;
  const { emit, signedIn, available, offer } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, desk } = newDesk());
  });

  it('opens once the agent is Available and registered, and not before', async () => {
    await signedIn();
    expect(engine.offerGates).toEqual([false]);
    desk.setStatus('available');
    expect(engine.offerGates).toEqual([false]);
    emit({ type: 'registration', state: 'registered' });
    expect(engine.offerGates).toEqual([false, true]);
  });

  it('closes while the agent is on a call and opens again once the contact is cleared', async () => {
    await available();
    offer('call-1');
    const contact = desk.snapshot().contacts[0];
    desk.contactIntents.accept(contact?.id ?? '');
    emit({ type: 'confirmed', callId: 'call-1' });
    expect(engine.offerGates.at(-1)).toBe(false);
    emit({ type: 'ended', callId: 'call-1', originator: 'remote', cause: 'BYE', failed: false });
    expect(engine.offerGates.at(-1)).toBe(false);
    desk.contactIntents.clear(contact?.id ?? '');
    expect(engine.offerGates.at(-1)).toBe(true);
  });

  it('closes when the agent goes Offline and when the connection drops', async () => {
    await available();
    desk.setStatus(OFFLINE);
    expect(engine.offerGates.at(-1)).toBe(false);
    desk.setStatus('available');
    emit({ type: 'registration', state: 'registered' });
    expect(engine.offerGates.at(-1)).toBe(true);
    emit({ type: 'transport', state: 'disconnected', error: 'WebSocket error 1006' });
    expect(engine.offerGates.at(-1)).toBe(false);
  });

  it('sends a change only: repeated updates with the same answer send nothing', async () => {
    await available();
    const sent = engine.offerGates.length;
    emit({ type: 'quality', callId: 'none', mos: 4.4, lossPct: 0, jitterMs: 1, rttMs: 1 });
    desk.setStatus('available');
    expect(engine.offerGates.length).toBe(sent);
  });

  it('tells a reloaded engine page again, which starts with its gate open', async () => {
    emit({ type: 'ready' });
    await signedIn();
    const sent = engine.offerGates.length;
    emit({ type: 'ready' });
    expect(engine.offerGates.slice(sent)).toEqual([false]);
  });
});
