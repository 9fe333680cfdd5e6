/**
 * Sign-out from every contact state: refused while a contact still needs the agent (ringing,
 * being answered, dialling, on the call), allowed once it only needs wrapping up or was never
 * taken (ACW, missed, failed), and then the contact is cleared into the history.
 */
import { describe, expect, it } from 'vitest';
import type { ContactState } from '../../../common/contract';
import { availableDesk, MemoryHistory } from '../desk.testkit';

const RING_TIMEOUT_MS = 10_000;

/** A signed-in desk with one contact brought to `state` the way an agent's day gets there. */
async function deskWithContactIn(state: ContactState) {
  const history = new MemoryHistory();
  const kit = await availableDesk({ history, ringTimeoutMs: RING_TIMEOUT_MS });
  const { desk, clock } = kit;
  const emit = desk.handleEngineEvent.bind(desk);
  const offer = () =>
    emit({
      type: 'incoming',
      callId: 'in-1',
      from: { user: '+15551230000', uri: 'sip:+15551230000@x', displayName: 'Jane' },
      headers: {},
    });
  const dial = (): string => {
    expect(desk.dial('+17345550100')).toEqual({ ok: true });
    return (kit.engine.last() as { callId: string }).callId;
  };
  switch (state) {
    case 'incoming':
      offer();
      break;
    case 'accepting':
      offer();
      desk.contactIntents.accept('in-1');
      break;
    case 'dialing':
      dial();
      break;
    case 'connected':
    case 'acw':
      offer();
      desk.contactIntents.accept('in-1');
      emit({ type: 'confirmed', callId: 'in-1' });
      if (state === 'acw') desk.contactIntents.end('in-1');
      break;
    case 'missed':
      offer();
      clock.advance(RING_TIMEOUT_MS);
      break;
    case 'failed':
      emit({
        type: 'ended',
        callId: dial(),
        originator: 'remote',
        cause: 'Busy',
        failed: true,
        statusCode: 486,
      });
      break;
  }
  expect(desk.snapshot().contacts.map((contact) => contact.state)).toEqual([state]);
  return { ...kit, history };
}

describe('sign-out with a contact on the desk', () => {
  it.each<ContactState>(['incoming', 'accepting', 'dialing', 'connected'])(
    'is refused with contactActive while the contact is %s, and changes nothing',
    async (state) => {
      const { desk, engine, history } = await deskWithContactIn(state);
      const before = desk.snapshot();
      const sent = engine.commands.length;
      expect(desk.signOut()).toEqual({ ok: false, reason: 'contactActive' });
      expect(desk.snapshot()).toEqual(before);
      expect(engine.since(sent)).toEqual([]);
      expect(history.records.filter((record) => record.type === 'contact')).toEqual([]);
    },
  );

  it.each<ContactState>(['acw', 'missed', 'failed'])(
    'is allowed while the contact is %s: signed out, Offline, the contact cleared into the history',
    async (state) => {
      const { desk, engine, history } = await deskWithContactIn(state);
      expect(desk.signOut()).toEqual({ ok: true });
      const after = desk.snapshot();
      expect(after.session.phase).toBe('signedOut');
      expect(after.contacts).toEqual([]);
      expect(engine.last()).toEqual({ type: 'disconnect' });
      const contacts = history.records.filter((record) => record.type === 'contact');
      expect(contacts).toHaveLength(1);
      expect(contacts[0]).toMatchObject({ type: 'contact', endedAt: expect.any(Number) });
    },
  );
});
