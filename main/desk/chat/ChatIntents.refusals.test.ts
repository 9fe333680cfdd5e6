/**
 * The agent's in-chat intents through the desk (E2, `desk.chats`): what reaches the engine, the
 * refusal each wrong moment gets, and what the desk shows after. Files go through the same
 * gates as lines, and then through the profile's limits.
 */
import { describe, expect, it } from 'vitest';
import type { ChatAttachment, EngineEvent } from '../../../common/contract';
import { availableDesk } from '../desk.testkit';

const CUSTOMER = 'sip:alice@example.com';

const message = (messageId: string, text: string): EngineEvent => ({
  type: 'chat-message',
  messageId,
  from: { user: 'alice', uri: CUSTOMER, displayName: 'Alice' },
  headers: { 'x-conversation-id': 'c1' },
  text,
});

/** A small text file the default limits allow (text/plain, 5 bytes). */
const NOTE: ChatAttachment = { name: 'order.txt', type: 'text/plain', size: 5, data: 'aGVsbG8=' };
/** An HTML page: not among the default types. */
const PAGE: ChatAttachment = { name: 'page.html', type: 'text/html', size: 5, data: 'aGVsbG8=' };

/** A desk with one chat offer ringing (not yet the agent's). */
async function ringing() {
  const setup = await availableDesk({ chatSlots: 1 });
  setup.desk.handleEngineEvent(message('m1', 'Hello'));
  const id = setup.desk.snapshot().chats[0]!.id;
  return { ...setup, id };
}

/** A desk with one chat the agent accepted. */
async function connected() {
  const setup = await ringing();
  expect(setup.desk.contactIntents.accept(setup.id)).toEqual({ ok: true });
  return setup;
}

const NOT_FOUND = { ok: false, reason: 'contactNotFound' };

describe('chat intents for a contact the desk does not have', () => {
  it('refuses to send a line to an unknown contact, and sends nothing', async () => {
    const { desk, engine } = await connected();
    const from = engine.commands.length;
    expect(desk.chats.send('no-such-chat', 'hello')).toEqual(NOT_FOUND);
    expect(engine.since(from)).toEqual([]);
  });

  it('refuses to attach a file to an unknown contact, and sends nothing', async () => {
    const { desk, engine } = await connected();
    const from = engine.commands.length;
    expect(desk.chats.attach('no-such-chat', NOTE)).toEqual(NOT_FOUND);
    expect(engine.since(from)).toEqual([]);
  });

  it('refuses typing for an unknown contact, and tells no one', async () => {
    const { desk, engine } = await connected();
    const from = engine.commands.length;
    expect(desk.chats.typing('no-such-chat', true)).toEqual(NOT_FOUND);
    expect(engine.since(from)).toEqual([]);
  });

  it('refuses to mark an unknown contact read, and the open chat keeps its unread lines', async () => {
    const { desk } = await connected();
    desk.handleEngineEvent(message('m2', 'Are you there?'));
    expect(desk.chats.read('no-such-chat')).toEqual(NOT_FOUND);
    expect(desk.snapshot().chats[0]!.unread).toBe(1);
  });
});

describe('attaching a file to a chat', () => {
  it('sends an allowed file to the customer as one MESSAGE and shows it as sending', async () => {
    const { desk, engine, id } = await connected();
    const before = desk.snapshot().revision;
    expect(desk.chats.attach(id, NOTE)).toEqual({ ok: true });
    expect(engine.last()).toMatchObject({
      type: 'chat-send-file',
      target: CUSTOMER,
      attachment: NOTE,
      headers: { 'X-Conversation-Id': 'c1' },
    });
    const chat = desk.snapshot();
    expect(chat.revision).toBeGreaterThan(before);
    expect(chat.chats[0]!.transcript.at(-1)).toMatchObject({
      role: 'agent',
      attachment: NOTE,
      delivery: 'sending',
    });
  });

  it('refuses a file type the profile does not allow, sending nothing and adding no line', async () => {
    const { desk, engine, id } = await connected();
    const from = engine.commands.length;
    const lines = desk.snapshot().chats[0]!.transcript.length;
    expect(desk.chats.attach(id, PAGE)).toEqual({ ok: false, reason: 'attachmentNotAllowed' });
    expect(engine.since(from)).toEqual([]);
    expect(desk.snapshot().chats[0]!.transcript).toHaveLength(lines);
  });

  it('refuses a file larger than the profile allows', async () => {
    const { desk, engine, id } = await connected();
    const from = engine.commands.length;
    const big = { ...NOTE, size: 32_769 };
    expect(desk.chats.attach(id, big)).toEqual({ ok: false, reason: 'attachmentNotAllowed' });
    expect(engine.since(from)).toEqual([]);
  });

  it('refuses a file to a chat still ringing: the offer is not the agent’s yet', async () => {
    const { desk, engine, id } = await ringing();
    const from = engine.commands.length;
    expect(desk.chats.attach(id, NOTE)).toEqual({ ok: false, reason: 'notConnected' });
    expect(engine.since(from)).toEqual([]);
    expect(desk.snapshot().chats[0]!.transcript.map((line) => line.role)).toEqual(['customer']);
  });

  it('refuses a file to a chat in ACW: the conversation has ended', async () => {
    const { desk, engine, id } = await connected();
    desk.contactIntents.end(id);
    const from = engine.commands.length;
    expect(desk.chats.attach(id, NOTE)).toEqual({ ok: false, reason: 'notConnected' });
    expect(engine.since(from)).toEqual([]);
  });

  it('refuses a file while the engine page is being reloaded, and sends it once the page is up', async () => {
    const { desk, engine, id } = await connected();
    desk.engineLost('gone');
    const from = engine.commands.length;
    expect(desk.chats.attach(id, NOTE)).toEqual({ ok: false, reason: 'engineReloading' });
    expect(engine.since(from).map((command) => command.type)).not.toContain('chat-send-file');
    desk.handleEngineEvent({ type: 'ready' });
    expect(desk.chats.attach(id, NOTE)).toEqual({ ok: true });
    expect(engine.last()?.type).toBe('chat-send-file');
  });
});

describe('typing in a chat', () => {
  it('refuses typing in a ringing chat and sends no isComposing to the customer', async () => {
    const { desk, engine, id } = await ringing();
    const from = engine.commands.length;
    expect(desk.chats.typing(id, true)).toEqual({ ok: false, reason: 'notConnected' });
    expect(engine.since(from)).toEqual([]);
  });

  it('accepts typing in a connected chat and tells the customer', async () => {
    const { desk, engine, id } = await connected();
    expect(desk.chats.typing(id, true)).toEqual({ ok: true });
    expect(engine.last()).toEqual({ type: 'chat-typing', target: CUSTOMER, active: true });
  });
});
