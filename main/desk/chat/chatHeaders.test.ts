import { describe, expect, it } from 'vitest';
import {
  chatForwardedHeaderNames,
  chatMessageHeaders,
  DEFAULT_CHAT_HEADER_NAMES,
} from './chatHeaders';

const NAMES = { ...DEFAULT_CHAT_HEADER_NAMES, queueName: 'X-Queue-Name' };
const FROM = 'sip:alice@example.com';

describe('chat header convention', () => {
  it('a plain MESSAGE without headers is the sender’s conversation, written by the customer', () => {
    expect(chatMessageHeaders({}, FROM, NAMES)).toEqual({ conversationId: FROM, role: 'customer' });
  });

  it('reads the conversation, queue and role headers whatever their case', () => {
    expect(
      chatMessageHeaders(
        { 'x-conversation-id': ' conv-7 ', 'x-queue-name': 'Sales', 'x-chat-role': 'BOT' },
        FROM,
        NAMES,
      ),
    ).toEqual({ conversationId: 'conv-7', role: 'bot', queue: 'Sales' });
  });

  it.each([
    ['agent', 'otherAgent'],
    ['other-agent', 'otherAgent'],
    ['customer', 'customer'],
    ['system', 'customer'],
    ['', 'customer'],
  ] as const)('role %j reads as %s', (value, role) => {
    expect(chatMessageHeaders({ 'x-chat-role': value }, FROM, NAMES).role).toBe(role);
  });

  it('keeps a queue name to its first 64 characters, after trimming it', () => {
    const long = ` ${'Q'.repeat(80)} `;
    expect(chatMessageHeaders({ 'x-queue-name': long }, FROM, NAMES).queue).toBe('Q'.repeat(64));
  });

  it('uses the profile’s own header names', () => {
    const names = { conversationId: 'P-Chat', role: 'P-Who', queueName: 'P-Queue' };
    const headers = {
      'p-chat': 'c1',
      'p-who': 'bot',
      'p-queue': 'Billing',
      'x-chat-role': 'agent',
    };
    expect(chatMessageHeaders(headers, FROM, names)).toEqual({
      conversationId: 'c1',
      role: 'bot',
      queue: 'Billing',
    });
  });

  it('an empty conversation header falls back to the sender; a long one is cut to 128', () => {
    expect(chatMessageHeaders({ 'x-conversation-id': '  ' }, FROM, NAMES).conversationId).toBe(
      FROM,
    );
    const long = 'c'.repeat(500);
    expect(
      chatMessageHeaders({ 'x-conversation-id': long }, FROM, NAMES).conversationId,
    ).toHaveLength(128);
  });

  it('asks the engine to forward the two chat headers, lower-case', () => {
    expect(chatForwardedHeaderNames(DEFAULT_CHAT_HEADER_NAMES)).toEqual([
      'x-conversation-id',
      'x-chat-role',
    ]);
  });
});
