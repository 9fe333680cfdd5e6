/** An INVITE with Replaces for the agent's call (issue Reliability item 9): main decides. */
import { describe, expect, it } from 'vitest';
import { CUSTOMER, onCall } from './inCall.testkit';

const TAKEOVER = { type: 'replaces', callId: CUSTOMER, from: 'sip:intruder@evil.example' } as const;

describe('AgentDesk: an INVITE with Replaces for the agent call', () => {
  it('is refused by default: replaces-answer accept false, the call stays connected, the agent is told', async () => {
    const { emit, engine, contact, desk } = await onCall();
    emit(TAKEOVER);
    expect(engine.last()).toEqual({ type: 'replaces-answer', callId: CUSTOMER, accept: false });
    expect(contact().state).toBe('connected');
    expect(desk.snapshot().notice?.code).toBe('replacesRefused');
  });

  it('is let through when the profile sets acceptReplaces, with no notice', async () => {
    const { emit, engine, contact, desk } = await onCall({ acceptReplaces: true });
    emit(TAKEOVER);
    expect(engine.last()).toEqual({ type: 'replaces-answer', callId: CUSTOMER, accept: true });
    expect(contact().state).toBe('connected');
    expect(desk.snapshot().notice).toBeUndefined();
  });

  it('is refused for a call the desk does not know, without a notice about it', async () => {
    const { emit, engine, desk } = await onCall();
    emit({ ...TAKEOVER, callId: 'unknown-call' });
    expect(engine.last()).toEqual({
      type: 'replaces-answer',
      callId: 'unknown-call',
      accept: false,
    });
    expect(desk.snapshot().notice).toBeUndefined();
  });
});
