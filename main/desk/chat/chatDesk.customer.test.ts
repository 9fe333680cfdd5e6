/**
 * The customer's side of a chat through AgentDesk (E1, E2): which chat a MESSAGE or a typing
 * indication belongs to, what a new offer starts with, when the desk publishes a new snapshot
 * (and when it does not), and what the support log says about offers.
 */
import { describe, expect, it } from 'vitest';
import { availableDesk, RecordingLogger } from '../desk.testkit';
import { connectedChat, customerMessage, customerUri, NOTE } from './chatDesk.testkit';

describe('a MESSAGE from the customer', () => {
  it('in a connected chat is taken (200) and its line is not marked as written before accept', async () => {
    const { desk, engine } = await connectedChat({ conversation: 'c9' });
    desk.handleEngineEvent(customerMessage('m2', 'Still there?', { conversation: 'c9' }));
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm2', status: 200 });
    const [first, second] = desk.snapshot().chats[0]!.transcript;
    expect(first).toMatchObject({ text: 'Hello', beforeAccept: true });
    expect(second).toMatchObject({ role: 'customer', text: 'Still there?' });
    expect(second).not.toHaveProperty('beforeAccept');
  });

  it('in the conversation of a chat in ACW rings as a new offer; the ended chat keeps its lines', async () => {
    const { desk, engine, id } = await connectedChat({ conversation: 'c9' });
    desk.contactIntents.end(id);
    const from = engine.commands.length;
    desk.handleEngineEvent(customerMessage('m2', 'One more thing', { conversation: 'c9' }));
    expect(engine.since(from).filter((command) => command.type === 'chat-answer')).toEqual([]);
    const chats = desk.snapshot().chats;
    expect(chats.map((chat) => [chat.state, chat.transcript.map((line) => line.text)])).toEqual([
      ['acw', ['Hello']],
      ['incoming', ['One more thing']],
    ]);
  });

  it('opens an offer with empty notes for the agent to write in', async () => {
    const { desk } = await availableDesk({ chatSlots: 1 });
    desk.handleEngineEvent(customerMessage('m1', 'Hello'));
    expect(desk.snapshot().chats[0]!.details).toEqual({ notes: '' });
  });
});

describe('unread lines', () => {
  it('the agent’s own lines and files do not count as unread', async () => {
    const { desk, id } = await connectedChat();
    desk.chats.send(id, 'Let me check');
    desk.chats.attach(id, NOTE);
    expect(desk.snapshot().chats[0]!.unread).toBe(0);
  });

  it('a bot’s line counts as unread like the customer’s', async () => {
    const { desk } = await connectedChat({ conversation: 'c9' });
    desk.handleEngineEvent(
      customerMessage('m2', 'Handing over', { conversation: 'c9', roleHeader: 'bot' }),
    );
    expect(desk.snapshot().chats[0]!.unread).toBe(1);
  });

  it('marking a tab read publishes a snapshot once; reading it again publishes nothing', async () => {
    const { desk, id } = await connectedChat({ conversation: 'c9' });
    desk.handleEngineEvent(customerMessage('m2', 'Hi?', { conversation: 'c9' }));
    const before = desk.snapshot().revision;
    expect(desk.chats.read(id)).toEqual({ ok: true });
    expect(desk.snapshot().revision).toBe(before + 1);
    expect(desk.snapshot().chats[0]!.unread).toBe(0);
    expect(desk.chats.read(id)).toEqual({ ok: true });
    expect(desk.snapshot().revision).toBe(before + 1);
  });
});

describe('the customer typing', () => {
  it('shows on the chat of the customer who types, not on the other open chat', async () => {
    const { desk } = await connectedChat({ user: 'alice' });
    desk.handleEngineEvent(customerMessage('m2', 'Hi', { user: 'bob' }));
    desk.contactIntents.accept(desk.snapshot().chats[1]!.id);
    desk.handleEngineEvent({ type: 'chat-typing', from: customerUri('bob'), active: true });
    expect(
      desk.snapshot().chats.map((chat) => [chat.peer.number, chat.customerTyping ?? false]),
    ).toEqual([
      ['alice', false],
      ['bob', true],
    ]);
  });

  it('publishes a snapshot when typing starts and when it stops, none for a repeated state', async () => {
    const { desk } = await connectedChat();
    const typing = (active: boolean) =>
      desk.handleEngineEvent({ type: 'chat-typing', from: customerUri('alice'), active });
    const before = desk.snapshot().revision;
    typing(true);
    expect(desk.snapshot().revision).toBe(before + 1);
    typing(true);
    expect(desk.snapshot().revision).toBe(before + 1);
    expect(desk.snapshot().chats[0]!.customerTyping).toBe(true);
    typing(false);
    expect(desk.snapshot().revision).toBe(before + 2);
    expect(desk.snapshot().chats[0]!.customerTyping).toBe(false);
  });

  it('from an address with no chat changes no chat and publishes nothing', async () => {
    const { desk } = await connectedChat({ user: 'alice' });
    const before = desk.snapshot();
    desk.handleEngineEvent({ type: 'chat-typing', from: customerUri('carol'), active: true });
    expect(desk.snapshot().revision).toBe(before.revision);
    expect(desk.snapshot().chats).toEqual(before.chats);
  });

  it('from a customer whose chat still rings is not shown and publishes nothing', async () => {
    const { desk } = await availableDesk({ chatSlots: 1 });
    desk.handleEngineEvent(customerMessage('m1', 'Hello'));
    const before = desk.snapshot().revision;
    desk.handleEngineEvent({ type: 'chat-typing', from: customerUri('alice'), active: true });
    expect(desk.snapshot().revision).toBe(before);
    expect(desk.snapshot().chats[0]!.customerTyping).toBeUndefined();
  });
});

describe('the support log of chat offers', () => {
  it('logs an offer with its contact id and the sender', async () => {
    const logger = new RecordingLogger();
    const { desk } = await availableDesk({ chatSlots: 1, logger });
    desk.handleEngineEvent(customerMessage('m1', 'Hello', { user: 'alice' }));
    const contactId = desk.snapshot().chats[0]!.id;
    expect(logger.named('chat offered')).toEqual([
      { level: 'info', message: 'chat offered', data: { contactId, from: 'alice' } },
    ]);
  });

  it('logs a refused chat with the sender, and offers nothing', async () => {
    const logger = new RecordingLogger();
    const { desk } = await availableDesk({ chatSlots: 1, logger });
    desk.setStatus('offline');
    desk.handleEngineEvent(customerMessage('m1', 'Hello', { user: 'alice' }));
    expect(logger.named('chat refused: agent not routable for chat')).toEqual([
      {
        level: 'info',
        message: 'chat refused: agent not routable for chat',
        data: { from: 'alice' },
      },
    ]);
    expect(logger.named('chat offered')).toEqual([]);
  });
});
