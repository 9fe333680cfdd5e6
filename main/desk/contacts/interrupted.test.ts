/**
 * The drafts journal seen from the desk (Reliability): every change of a contact's drafts and
 * identity reaches the journal, and what a crashed run left behind comes back in ACW.
 */
import { describe, expect, it } from 'vitest';
import { DeskState } from '../../../common/contract';
import { availableDesk, MemoryHistory } from '../desk.testkit';
import { contactRecords, CUSTOMER, onCall } from '../voice/inCall.testkit';
import type { ContactDraft, VoiceDraft } from './contactDraft';

/** The journal port as a list of every set the desk handed over. */
class RecordingJournal {
  readonly sets: ContactDraft[][] = [];
  record(drafts: readonly ContactDraft[]): void {
    this.sets.push([...drafts]);
  }
  get latest(): ContactDraft[] | undefined {
    return this.sets.at(-1);
  }
}

/** An hour before the fake clock's start: the crash happened before this run began. */
const CONNECTED_AT = 1_700_000_000_000 - 3_600_000;

/** What a run that died on a call with Jane left in the journal. */
function draftOnCall(overrides: Partial<VoiceDraft> = {}): VoiceDraft {
  return {
    id: 'crashed-call',
    channel: 'voice',
    direction: 'inbound',
    state: 'connected',
    peer: { number: '+15551230000', displayName: 'Jane' },
    queue: 'Sales',
    createdAt: CONNECTED_AT - 5_000,
    connectedAt: CONNECTED_AT,
    details: { notes: 'wants a refund for order 1234', wrapUpCode: 'resolved' },
    ...overrides,
  };
}

const wrapUp = { codes: [{ id: 'resolved', label: 'Resolved' }], required: true };

describe('drafts journal, desk side', () => {
  it('hands the journal the notes as they are saved, with the contact identity and state', async () => {
    const drafts = new RecordingJournal();
    const { desk } = await onCall({ drafts });
    desk.contactIntents.saveDetails(CUSTOMER, { notes: 'asked about invoice' });
    expect(drafts.latest).toEqual([
      expect.objectContaining({
        id: CUSTOMER,
        direction: 'inbound',
        state: 'connected',
        peer: { number: '+15551230000', displayName: 'Jane' },
        connectedAt: expect.any(Number),
        details: { notes: 'asked about invoice' },
      }),
    ]);
  });

  it('keeps a ringing offer out of the journal: the agent never had it', async () => {
    const drafts = new RecordingJournal();
    const { desk } = await availableDesk({ drafts });
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'ringing',
      from: { user: 'u', uri: 'sip:u@x', displayName: '' },
      headers: {},
    });
    expect(desk.snapshot().contacts).toHaveLength(1);
    expect(drafts.latest).toEqual([]);
  });

  it('hands the journal an empty set once the contact is cleared', async () => {
    const drafts = new RecordingJournal();
    const { desk } = await onCall({ drafts });
    desk.contactIntents.saveDetails(CUSTOMER, { notes: 'done' });
    desk.contactIntents.end(CUSTOMER);
    expect(drafts.latest?.[0]?.state).toBe('acw');
    desk.contactIntents.clear(CUSTOMER);
    expect(drafts.latest).toEqual([]);
  });

  it('restores a call the app died on in ACW, notes and wrap-up as typed, ended by the interruption', async () => {
    const { desk, clock } = await availableDesk({ wrapUp });
    const lastSeenAt = CONNECTED_AT + 60_000;
    desk.contactIntents.restoreInterrupted([draftOnCall()], lastSeenAt);
    const state = DeskState.parse(desk.snapshot());
    expect(state.contacts).toEqual([
      expect.objectContaining({
        id: 'crashed-call',
        state: 'acw',
        stateSince: clock.now(),
        peer: { number: '+15551230000', displayName: 'Jane' },
        queue: 'Sales',
        connectedAt: CONNECTED_AT,
        endedAt: lastSeenAt,
        endCode: 'appInterrupted',
        endedBy: 'system',
        details: { notes: 'wants a refund for order 1234', wrapUpCode: 'resolved' },
      }),
    ]);
    expect(state.notice).toEqual(
      expect.objectContaining({ level: 'warning', code: 'contactRestored' }),
    );
  });

  it('keeps the end of a contact that was already in ACW when the app died', async () => {
    const { desk } = await availableDesk();
    desk.contactIntents.restoreInterrupted(
      [
        draftOnCall({
          state: 'acw',
          endedAt: CONNECTED_AT + 30_000,
          endCode: 'busy',
          endedBy: 'customer',
        }),
      ],
      CONNECTED_AT + 90_000,
    );
    expect(desk.snapshot().contacts[0]).toEqual(
      expect.objectContaining({
        state: 'acw',
        endedAt: CONNECTED_AT + 30_000,
        endCode: 'busy',
        endedBy: 'customer',
      }),
    );
  });

  it('puts a restored contact into the history on Clear, notes and interruption included', async () => {
    const history = new MemoryHistory();
    const { desk } = await availableDesk({ history, wrapUp });
    desk.contactIntents.restoreInterrupted([draftOnCall()], CONNECTED_AT + 60_000);
    expect(desk.contactIntents.clear('crashed-call')).toEqual({ ok: true });
    expect(contactRecords(history)).toEqual([
      expect.objectContaining({
        contactId: 'crashed-call',
        outcome: 'handled',
        handleMs: 60_000,
        endCode: 'appInterrupted',
        notes: 'wants a refund for order 1234',
        wrapUpCode: 'resolved',
        queue: 'Sales',
      }),
    ]);
  });

  it('runs the profile ACW timeout on a restored contact', async () => {
    const { desk, clock } = await availableDesk({ acwTimeoutMs: 30_000 });
    desk.contactIntents.restoreInterrupted([draftOnCall()], CONNECTED_AT + 60_000);
    expect(desk.snapshot().contacts[0]?.acwDeadline).toBe(clock.now() + 30_000);
    clock.advance(30_000);
    expect(desk.snapshot().contacts).toEqual([]);
  });

  it('journals the restored contact again, so a second crash still keeps it', async () => {
    const drafts = new RecordingJournal();
    const { desk } = await availableDesk({ drafts });
    desk.contactIntents.restoreInterrupted([draftOnCall()], CONNECTED_AT + 60_000);
    expect(drafts.latest).toEqual([
      expect.objectContaining({ id: 'crashed-call', state: 'acw', endCode: 'appInterrupted' }),
    ]);
  });

  it('never ends a restored call after the restart, even when the clock went back', async () => {
    const { desk, clock } = await availableDesk();
    desk.contactIntents.restoreInterrupted([draftOnCall()], clock.now() + 3_600_000);
    expect(desk.snapshot().contacts[0]?.endedAt).toBe(clock.now());
  });

  it('restores nothing and posts no notice when nothing was left behind', async () => {
    const { desk } = await availableDesk();
    const before = desk.snapshot().revision;
    desk.contactIntents.restoreInterrupted([], CONNECTED_AT);
    expect(desk.snapshot().revision).toBe(before);
    expect(desk.snapshot().notice).toBeUndefined();
  });
});
