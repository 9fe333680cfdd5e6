/**
 * A chat back from the drafts journal (E3, Reliability): through the journal file's own
 * encoding, as the next start reads it. An ended chat keeps its own end; a chat the app left
 * open ends when the app was last seen on it, never before it was answered nor after now.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../common/contract';
import type { ContactDraft } from '../contacts/contactDraft';
import { availableDesk } from '../desk.testkit';
import { decodeJournal, encodeJournal } from '../../journal/journalFile';

class Journal {
  latest: readonly ContactDraft[] = [];
  record(drafts: readonly ContactDraft[]) {
    this.latest = drafts;
  }
}

const message = (messageId: string, text: string): EngineEvent => ({
  type: 'chat-message',
  messageId,
  from: { user: 'alice', uri: 'sip:alice@example.com', displayName: 'Alice' },
  headers: { 'x-conversation-id': 'c1', 'x-queue-name': 'Billing' },
  text,
});

const ANSWER_AFTER_MS = 2_000;

/**
 * A chat from the Billing queue, offered at `offeredAt` and accepted two seconds later, with
 * the journal the desk kept of it.
 */
async function journaledChat() {
  const journal = new Journal();
  const { desk, clock } = await availableDesk({ chatSlots: 1, drafts: journal });
  const offeredAt = clock.now();
  desk.handleEngineEvent(message('m1', 'Hello'));
  const id = desk.snapshot().chats[0]!.id;
  clock.advance(ANSWER_AFTER_MS);
  desk.contactIntents.accept(id);
  desk.chats.send(id, 'Hi, how can I help?');
  return { desk, clock, journal, id, offeredAt, connectedAt: offeredAt + ANSWER_AFTER_MS };
}

/** The next start: the journal file read back, restored on a new desk whose clock is at `now`. */
async function restoredAt(
  drafts: readonly ContactDraft[],
  savedAt: number,
  now: number,
  decorate: (draft: ContactDraft) => ContactDraft = (draft) => draft,
) {
  const saved = decodeJournal(encodeJournal(drafts.map(decorate), savedAt));
  if (saved.kind !== 'journal') throw new Error(saved.problem);
  const { desk, clock } = await availableDesk({ chatSlots: 1 });
  clock.advance(now - clock.now());
  desk.contactIntents.restoreInterrupted(saved.leftBehind.contacts, saved.leftBehind.savedAt);
  const [back] = desk.snapshot().chats;
  if (!back) throw new Error('no chat restored');
  return back;
}

describe('a chat back from the drafts journal', () => {
  it('an ended chat comes back with its own end (agent ended, when) and its queue', async () => {
    const { desk, clock, journal, id, connectedAt } = await journaledChat();
    clock.advance(5_000);
    const endedAt = clock.now();
    desk.contactIntents.end(id);
    expect(journal.latest).toHaveLength(1);

    const back = await restoredAt(journal.latest, endedAt + 1_000, endedAt + 60_000);
    expect(back).toMatchObject({
      state: 'acw',
      queue: 'Billing',
      connectedAt,
      endedAt,
      endedBy: 'agent',
      endCode: 'agentEnded',
    });
  });

  it('a journaled chat’s end reason, which the contract allows, is read back and kept', async () => {
    const { desk, clock, journal, id } = await journaledChat();
    clock.advance(5_000);
    desk.contactIntents.end(id);
    const back = await restoredAt(journal.latest, clock.now(), clock.now() + 60_000, (draft) => ({
      ...draft,
      endReason: 'Customer left the conversation',
    }));
    expect(back).toMatchObject({
      endCode: 'agentEnded',
      endReason: 'Customer left the conversation',
    });
  });

  it('a chat left open ends when the journal was last written, not at the restart', async () => {
    const { clock, journal, connectedAt } = await journaledChat();
    clock.advance(10_000);
    const lastSeenAt = clock.now();
    const back = await restoredAt(journal.latest, lastSeenAt, lastSeenAt + 3_600_000);
    expect(back).toMatchObject({
      state: 'acw',
      connectedAt,
      endedAt: lastSeenAt,
      endedBy: 'system',
      endCode: 'appInterrupted',
    });
  });

  it('a chat left open never ends before it was answered, even if the journal’s stamp is older', async () => {
    const { journal, offeredAt, connectedAt } = await journaledChat();
    const back = await restoredAt(journal.latest, offeredAt, connectedAt + 60_000);
    expect(back.endedAt).toBe(connectedAt);
  });

  it('a chat left open never ends in the future when the clock was set back between the runs', async () => {
    const { journal, connectedAt } = await journaledChat();
    const setBack = connectedAt - 1_000;
    const back = await restoredAt(journal.latest, connectedAt + 10_000, setBack);
    expect(back.endedAt).toBe(setBack);
  });
});
