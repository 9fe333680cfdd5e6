/** A chat's transcript in the drafts journal (E3): journaled line by line, back after a restart. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../common/contract';
import { ContactDraft } from '../contacts/contactDraft';
import { availableDesk, MemoryHistory } from '../desk.testkit';
import { decodeJournal, encodeJournal } from '../../journal/journalFile';

class Journal {
  latest: readonly ContactDraft[] = [];
  writes = 0;
  record(drafts: readonly ContactDraft[]) {
    this.latest = drafts;
    this.writes += 1;
  }
}

const message = (messageId: string, text: string): EngineEvent => ({
  type: 'chat-message',
  messageId,
  from: { user: 'alice', uri: 'sip:alice@example.com', displayName: 'Alice' },
  headers: { 'x-conversation-id': 'c1' },
  text,
});

describe('chat transcripts in the drafts journal', () => {
  it('journals each line as it is received and sent, and a restart brings the chat back in ACW with it', async () => {
    const journal = new Journal();
    const { desk } = await availableDesk({ chatSlots: 1, drafts: journal });
    desk.handleEngineEvent(message('m1', 'Hello'));
    expect(journal.latest).toEqual([]); // a ringing offer is not the agent's yet
    const id = desk.snapshot().chats[0]!.id;
    desk.contactIntents.accept(id);
    desk.chats.send(id, 'Hi, how can I help?');
    desk.handleEngineEvent(message('m2', 'My order'));
    const [draft] = journal.latest;
    expect(draft).toMatchObject({
      channel: 'chat',
      conversationId: 'c1',
      replyTo: 'sip:alice@example.com',
    });
    if (draft?.channel !== 'chat') throw new Error('no chat draft');
    expect(draft.transcript.map((line) => line.text)).toEqual([
      'Hello',
      'Hi, how can I help?',
      'My order',
    ]);

    // Through the journal file's own encoding, as the next start reads it.
    const saved = decodeJournal(encodeJournal(journal.latest, 1_000));
    if (saved.kind !== 'journal') throw new Error(saved.problem);
    const history = new MemoryHistory();
    const { desk: next } = await availableDesk({ chatSlots: 1, history });
    next.contactIntents.restoreInterrupted(saved.leftBehind.contacts, 1_000);
    const [back] = next.snapshot().chats;
    expect(back).toMatchObject({ state: 'acw', endCode: 'appInterrupted', conversationId: 'c1' });
    expect(back!.transcript.map((line) => line.role)).toEqual(['customer', 'agent', 'customer']);
    next.contactIntents.clear(back!.id);
    expect(history.records.at(-1)).toMatchObject({
      channel: 'chat',
      transcript: expect.any(Array),
    });
  });

  it('a journaled chat parses back only within the contract’s bounds', () => {
    expect(() =>
      ContactDraft.parse({
        id: 'c',
        channel: 'chat',
        direction: 'inbound',
        state: 'connected',
        peer: { number: 'a', displayName: '' },
        createdAt: 1,
        details: { notes: '' },
        conversationId: 'c1',
        replyTo: 'sip:a@x',
        transcript: [{ id: 'l1', role: 'customer', text: 'x'.repeat(5000), at: 1 }],
      }),
    ).toThrow();
  });
});
