/**
 * The agent's lines and files through AgentDesk (E2): what the engine is asked to send, how each
 * one's delivery report reaches its own line (several may be on the way at once), what a late or
 * unknown report does, and what the support log says about a line the far end refused.
 */
import { describe, expect, it } from 'vitest';
import type { ChatAttachment } from '../../../common/contract';
import { MemoryHistory, RecordingLogger } from '../desk.testkit';
import { connectedChat, lastSendId, NOTE } from './chatDesk.testkit';

const RECEIPT: ChatAttachment = { ...NOTE, name: 'receipt.txt' };

describe('the agent’s lines and files on their way', () => {
  it('two lines sent before either is answered each take their own delivery report', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.send(id, 'one');
    const first = lastSendId(engine.commands);
    desk.chats.send(id, 'two');
    const second = lastSendId(engine.commands);
    desk.handleEngineEvent({ type: 'chat-sent', sendId: second, delivered: false });
    desk.handleEngineEvent({ type: 'chat-sent', sendId: first, delivered: true });
    expect(desk.snapshot().chats[0]!.transcript.map((line) => [line.text, line.delivery])).toEqual([
      ['Hello', undefined],
      ['one', 'delivered'],
      ['two', 'failed'],
    ]);
  });

  it('two files sent before either is answered each take their own delivery report', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.attach(id, NOTE);
    const first = lastSendId(engine.commands);
    desk.chats.attach(id, RECEIPT);
    const second = lastSendId(engine.commands);
    desk.handleEngineEvent({ type: 'chat-sent', sendId: first, delivered: true });
    desk.handleEngineEvent({ type: 'chat-sent', sendId: second, delivered: false });
    expect(desk.snapshot().chats[0]!.transcript.map((line) => [line.text, line.delivery])).toEqual([
      ['Hello', undefined],
      ['📎 order.txt', 'delivered'],
      ['📎 receipt.txt', 'failed'],
    ]);
  });

  it('the agent’s lines and files are not marked as written before accept', async () => {
    const { desk, id } = await connectedChat();
    desk.chats.send(id, 'Let me check');
    desk.chats.attach(id, NOTE);
    const [, line, file] = desk.snapshot().chats[0]!.transcript;
    expect(line).toMatchObject({ role: 'agent', text: 'Let me check' });
    expect(file).toMatchObject({ role: 'agent', attachment: NOTE });
    expect(line).not.toHaveProperty('beforeAccept');
    expect(file).not.toHaveProperty('beforeAccept');
  });

  it('a file’s line names the file, in the transcript and in the history', async () => {
    const history = new MemoryHistory();
    const { desk, id } = await connectedChat({}, { history });
    desk.chats.attach(id, NOTE);
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.text).toBe('📎 order.txt');
    desk.contactIntents.end(id);
    desk.contactIntents.clear(id);
    expect(history.records.at(-1)).toMatchObject({
      channel: 'chat',
      transcript: [
        { role: 'customer', text: 'Hello' },
        { role: 'agent', text: '📎 order.txt' },
      ],
    });
  });
});

describe('the conversation header on the agent’s MESSAGEs', () => {
  it('a chat without a conversation header sends lines and files with no header', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.send(id, 'Hi');
    desk.chats.attach(id, NOTE);
    const sent = engine.commands.filter(
      (command) => command.type === 'chat-send' || command.type === 'chat-send-file',
    );
    expect(sent.map((command) => [command.type, 'headers' in command && command.headers])).toEqual([
      ['chat-send', {}],
      ['chat-send-file', {}],
    ]);
  });

  it('a chat with a conversation header names its conversation on files too', async () => {
    const { desk, engine, id } = await connectedChat({ conversation: 'c9' });
    desk.chats.attach(id, NOTE);
    expect(engine.last()).toMatchObject({
      type: 'chat-send-file',
      headers: { 'X-Conversation-Id': 'c9' },
    });
  });
});

describe('delivery reports', () => {
  it('a report publishes a snapshot with the line’s new state', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.send(id, 'Hi');
    const before = desk.snapshot().revision;
    desk.handleEngineEvent({
      type: 'chat-sent',
      sendId: lastSendId(engine.commands),
      delivered: true,
    });
    expect(desk.snapshot().revision).toBe(before + 1);
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.delivery).toBe('delivered');
  });

  it('a report for a send the desk does not know changes no line and publishes nothing', async () => {
    const { desk, id } = await connectedChat();
    desk.chats.send(id, 'Hi');
    const before = desk.snapshot();
    desk.handleEngineEvent({ type: 'chat-sent', sendId: 'send-unknown', delivered: true });
    expect(desk.snapshot().revision).toBe(before.revision);
    expect(desk.snapshot().chats).toEqual(before.chats);
  });

  it('a second report for the same send changes nothing more', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.send(id, 'Hi');
    const sendId = lastSendId(engine.commands);
    desk.handleEngineEvent({ type: 'chat-sent', sendId, delivered: true });
    const before = desk.snapshot().revision;
    desk.handleEngineEvent({ type: 'chat-sent', sendId, delivered: false });
    expect(desk.snapshot().revision).toBe(before);
    expect(desk.snapshot().chats[0]!.transcript.at(-1)!.delivery).toBe('delivered');
  });

  it('a report arriving after the chat was cleared from the desk is ignored', async () => {
    const { desk, engine, id } = await connectedChat();
    desk.chats.send(id, 'Bye');
    const sendId = lastSendId(engine.commands);
    desk.contactIntents.end(id);
    desk.contactIntents.clear(id);
    const before = desk.snapshot().revision;
    desk.handleEngineEvent({ type: 'chat-sent', sendId, delivered: true });
    expect(desk.snapshot().revision).toBe(before);
    expect(desk.snapshot().chats).toEqual([]);
  });

  it('logs a line the far end refused with its send id and status, and nothing for a delivered one', async () => {
    const logger = new RecordingLogger();
    const { desk, engine, id } = await connectedChat({}, { logger });
    desk.chats.send(id, 'delivered');
    desk.handleEngineEvent({
      type: 'chat-sent',
      sendId: lastSendId(engine.commands),
      delivered: true,
    });
    expect(logger.named('chat line not delivered')).toEqual([]);
    desk.chats.send(id, 'refused');
    const refused = lastSendId(engine.commands);
    desk.handleEngineEvent({
      type: 'chat-sent',
      sendId: refused,
      delivered: false,
      statusCode: 404,
    });
    expect(logger.named('chat line not delivered')).toEqual([
      {
        level: 'warn',
        message: 'chat line not delivered',
        data: { sendId: refused, statusCode: 404 },
      },
    ]);
  });
});
