/** The desk tells the engine when to keep the microphone open between calls (warmMicrophoneRule). */
import { beforeEach, describe, expect, it } from 'vitest';
import { OFFLINE } from '../../common/contract';
import type { AgentDesk } from './AgentDesk';
import { deskSteps, newDesk, type RecordingEngine } from './desk.testkit';

describe('the warm microphone the desk keeps in the engine', () => {
  let engine: RecordingEngine;
  let desk: AgentDesk;
  const { emit, signedIn, available, offer } = deskSteps(() => desk);

  beforeEach(() => {
    ({ engine, desk } = newDesk());
  });

  it('says nothing to a fresh page until the agent goes Available, then opens it once', async () => {
    await signedIn();
    expect(engine.microphoneWarm).toEqual([]);
    expect(desk.setStatus('available')).toEqual({ ok: true });
    expect(engine.microphoneWarm).toEqual([true]);
    emit({ type: 'registration', state: 'registered' });
    expect(engine.microphoneWarm).toEqual([true]);
  });

  it('keeps it open through a call and its after-call work, and closes it on Offline after', async () => {
    await available();
    offer('call-1');
    const contact = desk.snapshot().contacts[0];
    desk.contactIntents.accept(contact?.id ?? '');
    emit({ type: 'confirmed', callId: 'call-1' });
    expect(desk.setStatus(OFFLINE)).toEqual({ ok: true });
    emit({ type: 'ended', callId: 'call-1', originator: 'remote', cause: 'BYE', failed: false });
    expect(engine.microphoneWarm).toEqual([true]);
    desk.contactIntents.clear(contact?.id ?? '');
    expect(engine.microphoneWarm).toEqual([true, false]);
  });

  it('closes it when the agent signs out', async () => {
    await available();
    desk.signOut();
    expect(engine.microphoneWarm).toEqual([true, false]);
  });

  it('closes it when the agent switches to the desk phone, and opens it again on the way back', async () => {
    await available();
    desk.setDeskPhone({ allowed: true, mode: 'deskPhone', number: '+4930123456', locked: false });
    desk.setDeskPhone({ allowed: true, mode: 'softphone', number: '+4930123456', locked: false });
    expect(engine.microphoneWarm).toEqual([true, false, true]);
  });

  it('opens it again on an engine page that reloaded, which starts with it closed', async () => {
    emit({ type: 'ready' });
    await available();
    emit({ type: 'ready' });
    expect(engine.microphoneWarm).toEqual([true, true]);
  });
});
