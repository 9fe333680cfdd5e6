/**
 * A chat's transcript on the desk (E2): a line is cut at MAX_CHAT_TEXT, the transcript keeps its
 * last MAX_TRANSCRIPT_LINES lines, and every line keeps an id of its own (the UI keys lines by
 * it, and a delivery report finds the agent's line by it), also past the cap.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CHAT_TEXT, MAX_TRANSCRIPT_LINES } from '../../../common/contract';
import type { AgentDesk } from '../AgentDesk';
import { connectedChat, customerMessage, lastSendId } from './chatDesk.testkit';

/** `count` more lines from the customer in conversation c9, numbered from 1. */
function customerLines(desk: AgentDesk, count: number): void {
  for (let n = 1; n <= count; n += 1) {
    desk.handleEngineEvent(customerMessage(`m-${n}`, `line ${n}`, { conversation: 'c9' }));
  }
}

describe('a chat transcript', () => {
  it('cuts a customer line longer than MAX_CHAT_TEXT to its first MAX_CHAT_TEXT characters', async () => {
    const { desk } = await connectedChat({ conversation: 'c9' });
    const long = 'a'.repeat(MAX_CHAT_TEXT) + 'TAIL';
    desk.handleEngineEvent(customerMessage('m2', long, { conversation: 'c9' }));
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.text).toBe('a'.repeat(MAX_CHAT_TEXT));
  });

  it('keeps all MAX_TRANSCRIPT_LINES lines, and drops only the oldest when one more arrives', async () => {
    const { desk } = await connectedChat({ conversation: 'c9' });
    // The accepted chat holds its first line ("Hello"): this fills the transcript exactly.
    customerLines(desk, MAX_TRANSCRIPT_LINES - 1);
    const full = desk.snapshot().chats[0]!.transcript;
    expect(full).toHaveLength(MAX_TRANSCRIPT_LINES);
    expect(full[0]!.text).toBe('Hello');

    desk.handleEngineEvent(customerMessage('m-last', 'newest', { conversation: 'c9' }));
    const capped = desk.snapshot().chats[0]!.transcript;
    expect(capped).toHaveLength(MAX_TRANSCRIPT_LINES);
    expect([capped[0]!.text, capped.at(-1)!.text]).toEqual(['line 1', 'newest']);
  });

  it('gives every line its own id past the cap, even lines of the same millisecond', async () => {
    const { desk, id } = await connectedChat({ conversation: 'c9' });
    customerLines(desk, MAX_TRANSCRIPT_LINES + 2);
    desk.chats.send(id, 'one');
    desk.chats.send(id, 'two');
    const ids = desk.snapshot().chats[0]!.transcript.map((line) => line.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('at the cap, the agent’s line sent in the same millisecond as a customer’s gets its own report', async () => {
    const { desk, engine, id } = await connectedChat({ conversation: 'c9' });
    customerLines(desk, MAX_TRANSCRIPT_LINES);
    desk.handleEngineEvent(customerMessage('m-now', 'Are you there?', { conversation: 'c9' }));
    desk.chats.send(id, 'Yes, checking');
    desk.handleEngineEvent({
      type: 'chat-sent',
      sendId: lastSendId(engine.commands),
      delivered: true,
    });
    const [customer, agent] = desk.snapshot().chats[0]!.transcript.slice(-2);
    expect(customer).toMatchObject({ text: 'Are you there?' });
    expect(customer).not.toHaveProperty('delivery');
    expect(agent).toMatchObject({ text: 'Yes, checking', delivery: 'delivered' });
  });
});
