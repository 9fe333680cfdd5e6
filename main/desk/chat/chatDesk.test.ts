/** Chats through AgentDesk (E1-E3): offers held and answered, slots, lines, typing, history. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../common/contract';
import { availableDesk, MemoryHistory } from '../desk.testkit';
import { TYPING_REFRESH_MS } from './ChatTyping';

function message(
  messageId: string,
  text: string,
  { user = 'alice', headers = {} }: { user?: string; headers?: Record<string, string> } = {},
): EngineEvent {
  return {
    type: 'chat-message',
    messageId,
    from: { user, uri: `sip:${user}@example.com`, displayName: 'Alice' },
    headers,
    text,
  };
}

async function chatDesk(chatSlots = 2, extra = {}) {
  const history = new MemoryHistory();
  const setup = await availableDesk({ chatSlots, history, ...extra });
  return { ...setup, history };
}

describe('chat offers', () => {
  it('holds the first MESSAGE unanswered while the offer rings, and answers 200 on accept', async () => {
    const { desk, engine } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'Hello, my order is late'));
    const [chat] = desk.snapshot().chats;
    expect(chat).toMatchObject({
      state: 'incoming',
      conversationId: 'sip:alice@example.com',
      peer: { number: 'alice' },
      transcript: [{ role: 'customer', text: 'Hello, my order is late', beforeAccept: true }],
      unread: 1,
    });
    expect(engine.commands.filter((c) => c.type === 'chat-answer')).toEqual([]);

    expect(desk.contactIntents.accept(chat!.id)).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm1', status: 200 });
    expect(desk.snapshot().chats[0]).toMatchObject({ state: 'connected', unread: 0 });
  });

  it('answers 486 at once when the agent rejects, and the chat leaves the desk', async () => {
    const { desk, engine } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'hi'));
    desk.contactIntents.reject(desk.snapshot().chats[0]!.id);
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm1', status: 486 });
    expect(desk.snapshot().chats).toEqual([]);
  });

  it('rings out after the ring time: 480 so the proxy hunts on, and the tab stays as missed', async () => {
    const { desk, engine, clock, history } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'hi'));
    clock.advance(19_999);
    expect(engine.last()?.type).not.toBe('chat-answer');
    clock.advance(1);
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm1', status: 480 });
    const [missed] = desk.snapshot().chats;
    expect(missed).toMatchObject({ state: 'missed', endCode: 'ringTimeout' });
    desk.contactIntents.clear(missed!.id);
    expect(desk.snapshot().chats).toEqual([]);
    expect(history.records.at(-1)).toMatchObject({ channel: 'chat', outcome: 'missed' });
  });

  it('refuses at once (486) when not Available', async () => {
    const { desk, engine } = await chatDesk();
    desk.setStatus('offline');
    desk.handleEngineEvent(message('m1', 'hi'));
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm1', status: 486 });
    expect(desk.snapshot().chats).toEqual([]);
  });

  it('refuses at once (486) when the chat slots are full, and offers again once one clears', async () => {
    const { desk, engine } = await chatDesk(2);
    desk.handleEngineEvent(message('m1', 'one', { user: 'a' }));
    desk.handleEngineEvent(message('m2', 'two', { user: 'b' }));
    desk.handleEngineEvent(message('m3', 'three', { user: 'c' }));
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm3', status: 486 });
    expect(desk.snapshot().chats).toHaveLength(2);
    desk.contactIntents.reject(desk.snapshot().chats[0]!.id);
    desk.handleEngineEvent(message('m4', 'four', { user: 'c' }));
    expect(desk.snapshot().chats.map((c) => c.peer.number)).toEqual(['b', 'c']);
  });

  it('no chat slot by default: a profile without chatSlots refuses every chat', async () => {
    const { desk, engine } = await availableDesk();
    desk.handleEngineEvent(message('m1', 'hi'));
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm1', status: 486 });
  });

  it('lines of a ringing conversation are taken (200) and marked as written before accept', async () => {
    const { desk, engine } = await chatDesk();
    const headers = { 'x-conversation-id': 'conv-1' };
    desk.handleEngineEvent(message('m1', 'Order status?', { headers }));
    desk.handleEngineEvent(
      message('m2', 'I can connect you to an agent', {
        headers: { ...headers, 'x-chat-role': 'bot' },
      }),
    );
    expect(engine.last()).toEqual({ type: 'chat-answer', messageId: 'm2', status: 200 });
    const [chat] = desk.snapshot().chats;
    expect(chat!.transcript.map((l) => [l.role, l.beforeAccept])).toEqual([
      ['customer', true],
      ['bot', true],
    ]);
  });
});

describe('a connected chat', () => {
  async function connected(extra = {}) {
    const setup = await chatDesk(2, extra);
    setup.desk.handleEngineEvent(
      message('m1', 'Hello', { headers: { 'x-conversation-id': 'c9' } }),
    );
    const id = setup.desk.snapshot().chats[0]!.id;
    setup.desk.contactIntents.accept(id);
    return { ...setup, id };
  }

  it('sends the agent’s line as a MESSAGE to the customer with the conversation header', async () => {
    const { desk, engine, id } = await connected();
    expect(desk.chats.send(id, '**Hi**, let me check')).toEqual({ ok: true });
    const sent = engine.last();
    expect(sent).toMatchObject({
      type: 'chat-send',
      target: 'sip:alice@example.com',
      text: '**Hi**, let me check',
      headers: { 'X-Conversation-Id': 'c9' },
    });
    expect(desk.snapshot().chats[0]!.transcript.at(-1)).toMatchObject({
      role: 'agent',
      delivery: 'sending',
    });
    if (sent?.type !== 'chat-send') throw new Error('no chat-send');
    desk.handleEngineEvent({ type: 'chat-sent', sendId: sent.sendId, delivered: true });
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.delivery).toBe('delivered');
  });

  it('marks a line the far end refused as failed', async () => {
    const { desk, engine, id } = await connected();
    desk.chats.send(id, 'hello?');
    const sent = engine.last();
    if (sent?.type !== 'chat-send') throw new Error('no chat-send');
    desk.handleEngineEvent({
      type: 'chat-sent',
      sendId: sent.sendId,
      delivered: false,
      statusCode: 404,
    });
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.delivery).toBe('failed');
  });

  it('refuses to send to a chat that is not connected', async () => {
    const { desk } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'hi'));
    expect(desk.chats.send(desk.snapshot().chats[0]!.id, 'x')).toEqual({
      ok: false,
      reason: 'notConnected',
    });
  });

  it('counts unread lines from the customer until the agent reads the tab', async () => {
    const { desk, id } = await connected();
    desk.handleEngineEvent(message('m2', 'one', { headers: { 'x-conversation-id': 'c9' } }));
    desk.handleEngineEvent(message('m3', 'two', { headers: { 'x-conversation-id': 'c9' } }));
    expect(desk.snapshot().chats[0]!.unread).toBe(2);
    desk.chats.read(id);
    expect(desk.snapshot().chats[0]!.unread).toBe(0);
  });

  it('the turn timer restarts only when the speaker changes', async () => {
    const { desk, clock, id } = await connected();
    const start = desk.snapshot().chats[0]!.turnSince;
    clock.advance(5_000);
    desk.handleEngineEvent(message('m2', 'again', { headers: { 'x-conversation-id': 'c9' } }));
    expect(desk.snapshot().chats[0]!.turnSince).toBe(start);
    clock.advance(5_000);
    desk.chats.send(id, 'answer');
    expect(desk.snapshot().chats[0]!.turnSince).toBe(clock.now());
  });

  it('shows the customer typing, and stops when their line arrives', async () => {
    const { desk } = await connected();
    desk.handleEngineEvent({ type: 'chat-typing', from: 'sip:alice@example.com', active: true });
    expect(desk.snapshot().chats[0]!.customerTyping).toBe(true);
    desk.handleEngineEvent(message('m2', 'there', { headers: { 'x-conversation-id': 'c9' } }));
    expect(desk.snapshot().chats[0]!.customerTyping).toBe(false);
  });

  it('sends isComposing active once per refresh interval however often the agent types, idle once', async () => {
    const { desk, engine, clock, id } = await connected();
    const from = engine.commands.length;
    for (let i = 0; i < 50; i += 1) {
      desk.chats.typing(id, true);
      clock.advance(100);
    }
    clock.advance(TYPING_REFRESH_MS);
    desk.chats.typing(id, true);
    desk.chats.typing(id, false);
    desk.chats.typing(id, false);
    expect(engine.since(from).filter((c) => c.type === 'chat-typing')).toEqual([
      { type: 'chat-typing', target: 'sip:alice@example.com', active: true },
      { type: 'chat-typing', target: 'sip:alice@example.com', active: true },
      { type: 'chat-typing', target: 'sip:alice@example.com', active: false },
    ]);
  });

  it('ends into ACW with its time, and the history keeps the whole transcript', async () => {
    const { desk, clock, id, history } = await connected();
    desk.chats.send(id, 'Done!');
    desk.contactIntents.end(id);
    expect(desk.snapshot().chats[0]).toMatchObject({ state: 'acw', endedBy: 'agent' });
    clock.advance(3_000);
    desk.contactIntents.clear(id);
    expect(history.records.at(-1)).toMatchObject({
      channel: 'chat',
      outcome: 'handled',
      conversationId: 'c9',
      acwMs: 3_000,
      transcript: [
        { role: 'customer', text: 'Hello', beforeAccept: true },
        { role: 'agent', text: 'Done!' },
      ],
    });
  });
});

describe('voice and chat together', () => {
  it('by default a chat holds the desk: no call rings while it is open', async () => {
    const { desk } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'hi'));
    expect(desk.snapshot().agent.routable).toBe(false);
  });

  it('with voiceWithChat a call rings beside two chats, and a chat still comes during the call', async () => {
    const { desk, engine } = await chatDesk(3, { voiceWithChat: true });
    desk.handleEngineEvent(message('m1', 'one', { user: 'a' }));
    desk.handleEngineEvent(message('m2', 'two', { user: 'b' }));
    expect(desk.snapshot().agent.routable).toBe(true);
    desk.handleEngineEvent({
      type: 'incoming',
      callId: 'call-1',
      from: { user: 'caller', uri: 'sip:caller@x', displayName: '' },
      headers: {},
    });
    expect(desk.snapshot().contacts).toHaveLength(1);
    desk.handleEngineEvent(message('m3', 'three', { user: 'c' }));
    expect(desk.snapshot().chats).toHaveLength(3);
    expect(engine.commands.filter((c) => c.type === 'chat-answer')).toEqual([]);
  });
});

describe('engine restart', () => {
  it('drops a ringing chat whose held MESSAGE died with the engine; connected chats stay', async () => {
    const { desk } = await chatDesk();
    desk.handleEngineEvent(message('m1', 'one', { user: 'a' }));
    desk.contactIntents.accept(desk.snapshot().chats[0]!.id);
    desk.handleEngineEvent(message('m2', 'two', { user: 'b' }));
    desk.engineLost('crashed');
    expect(desk.snapshot().chats.map((c) => [c.peer.number, c.state])).toEqual([
      ['a', 'connected'],
    ]);
  });
});
