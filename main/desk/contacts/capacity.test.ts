import { describe, expect, it } from 'vitest';
import type { ContactChannel } from '../../../common/contract';
import { DEFAULT_CAPACITY, hasRoomFor } from './capacity';

const on = (...channels: ContactChannel[]) => channels.map((channel) => ({ channel }));
const THREE_CHATS = { voice: 1, chat: 3 } as const;

describe('channel capacity', () => {
  it('offers a call only to a desk with no contact at all', () => {
    expect(hasRoomFor('voice', on(), DEFAULT_CAPACITY)).toBe(true);
    expect(hasRoomFor('voice', on('voice'), DEFAULT_CAPACITY)).toBe(false);
    expect(hasRoomFor('voice', on('chat'), THREE_CHATS)).toBe(false);
  });

  it('fills the chat slots the routing profile gives, and none while a call is on the desk', () => {
    expect(hasRoomFor('chat', on(), THREE_CHATS)).toBe(true);
    expect(hasRoomFor('chat', on('chat', 'chat'), THREE_CHATS)).toBe(true);
    expect(hasRoomFor('chat', on('chat', 'chat', 'chat'), THREE_CHATS)).toBe(false);
    expect(hasRoomFor('chat', on('voice'), THREE_CHATS)).toBe(false);
  });

  it('has no chat slot until a profile gives some', () => {
    expect(hasRoomFor('chat', on(), DEFAULT_CAPACITY)).toBe(false);
  });

  it('with voiceWithChat a call rings beside open chats, and chats keep coming during a call', () => {
    const mixed = { voice: 1, chat: 2, voiceWithChat: true } as const;
    expect(hasRoomFor('voice', on('chat', 'chat'), mixed)).toBe(true);
    expect(hasRoomFor('chat', on('voice', 'chat'), mixed)).toBe(true);
    expect(hasRoomFor('chat', on('voice', 'chat', 'chat'), mixed)).toBe(false);
  });

  it('with voiceWithChat still one call at most', () => {
    const mixed = { voice: 1, chat: 2, voiceWithChat: true } as const;
    expect(hasRoomFor('voice', on('voice'), mixed)).toBe(false);
    expect(hasRoomFor('voice', on('voice', 'chat'), mixed)).toBe(false);
  });
});
