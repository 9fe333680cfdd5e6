/** contactDrafts and interruptedContact: what the journal keeps of a contact, and what comes back. */
import type { VoiceDeskContact } from '../voice/voiceContact';
import { describe, expect, it } from 'vitest';
import type { DeskContact } from './DeskContact';
import { ContactDraft, contactDrafts, interruptedContact } from './contactDraft';

const T0 = 1_700_000_000_000;

/** A finished inbound call in ACW with every optional field set. */
function fullContact(): DeskContact {
  return {
    id: 'call-1',
    channel: 'voice',
    direction: 'inbound',
    state: 'acw',
    peer: { number: '+15551230000', displayName: 'Jane' },
    queue: 'Billing',
    createdAt: T0,
    stateSince: T0 + 60_000,
    connectedAt: T0 + 5_000,
    endedAt: T0 + 60_000,
    endCode: 'transferred',
    endReason: 'Call completed elsewhere',
    endedBy: 'agent',
    callback: true,
    transferredTo: 'Billing desk',
    voicemail: true,
    hold: 'held',
    muted: true,
    details: {
      notes: 'Wants a refund',
      wrapUpCode: 'refund',
      followUp: { dueAt: T0 + 86_400_000, note: 'Call back tomorrow' },
    },
  } as DeskContact;
}

describe('contactDrafts', () => {
  it('keeps every field the agent or the history needs, and drops what dies with the call', () => {
    const [draft] = contactDrafts([fullContact()]);
    expect(draft).toEqual({
      id: 'call-1',
      channel: 'voice',
      direction: 'inbound',
      state: 'acw',
      peer: { number: '+15551230000', displayName: 'Jane' },
      queue: 'Billing',
      createdAt: T0,
      connectedAt: T0 + 5_000,
      endedAt: T0 + 60_000,
      endCode: 'transferred',
      endReason: 'Call completed elsewhere',
      endedBy: 'agent',
      callback: true,
      transferredTo: 'Billing desk',
      voicemail: true,
      details: {
        notes: 'Wants a refund',
        wrapUpCode: 'refund',
        followUp: { dueAt: T0 + 86_400_000, note: 'Call back tomorrow' },
      },
    });
    expect(ContactDraft.parse(draft)).toEqual(draft);
  });

  it('writes no optional field that is not set, so the strict schema reads the file back', () => {
    const bare = {
      ...fullContact(),
      state: 'connected',
      details: { notes: '' },
    } as DeskContact;
    for (const field of [
      'queue',
      'endedAt',
      'endCode',
      'endReason',
      'endedBy',
      'callback',
      'transferredTo',
      'voicemail',
    ] as const) {
      delete (bare as Partial<VoiceDeskContact>)[field];
    }
    const [draft] = contactDrafts([bare]);
    expect(Object.keys(draft!).sort()).toEqual(
      ['channel', 'connectedAt', 'createdAt', 'details', 'direction', 'id', 'peer', 'state'].sort(),
    );
    expect(draft!.details).toEqual({ notes: '' });
    expect(() => ContactDraft.parse(draft)).not.toThrow();
  });

  it('keeps false flags out: a call that was no callback and left no voicemail writes neither', () => {
    const contact = { ...fullContact(), callback: false, voicemail: false } as DeskContact;
    const [draft] = contactDrafts([contact]);
    expect(draft).not.toHaveProperty('callback');
    expect(draft).not.toHaveProperty('voicemail');
  });

  it('journals a contact the agent took or placed (accepting, dialing, connected, ACW), never a ringing, missed or failed one', () => {
    const states = ['incoming', 'accepting', 'dialing', 'connected', 'acw', 'missed', 'failed'];
    const contacts = states.map((state) => ({ ...fullContact(), id: state, state }) as DeskContact);
    expect(contactDrafts(contacts).map((draft) => draft.id)).toEqual([
      'accepting',
      'dialing',
      'connected',
      'acw',
    ]);
  });

  it('copies the peer and the follow-up, so later edits on the desk do not change a written draft', () => {
    const contact = fullContact();
    const [draft] = contactDrafts([contact]);
    contact.peer.displayName = 'Changed';
    contact.details.followUp!.note = 'Changed';
    expect(draft!.peer.displayName).toBe('Jane');
    expect(draft!.details.followUp!.note).toBe('Call back tomorrow');
  });
});

describe('interruptedContact', () => {
  it('brings a call that was still up back in ACW, unmuted and off hold, ended when the app was last seen', () => {
    const [draft] = contactDrafts([{ ...fullContact(), state: 'connected' } as DeskContact]);
    const { endedAt: _e, endCode: _c, endedBy: _b, endReason: _r, ...live } = draft!;
    const back = interruptedContact(live, T0 + 30_000, T0 + 90_000);
    expect(back).toMatchObject({
      state: 'acw',
      hold: 'none',
      muted: false,
      stateSince: T0 + 90_000,
      endedAt: T0 + 30_000,
      endCode: 'appInterrupted',
      endedBy: 'system',
    });
  });

  it('ends a call never answered at its creation when the app was last seen before it', () => {
    const [draft] = contactDrafts([{ ...fullContact(), state: 'dialing' } as DeskContact]);
    const { endedAt: _e, connectedAt: _c, ...dialing } = draft!;
    expect(interruptedContact(dialing, T0 - 1_000, T0 + 90_000).endedAt).toBe(T0);
  });
});
