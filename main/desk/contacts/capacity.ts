/**
 * How many contacts of each channel the agent can have at once: the routing profile's
 * concurrency. One voice contact at most; chat slots as the profile says (none by default).
 *
 * By default voice is exclusive, as in a contact center's default routing profile: a call is
 * offered only to a desk with no contact of any channel (one in ACW or missed included), and
 * no chat is offered while a voice contact is on the desk. A profile with `voiceWithChat`
 * mixes them: a call may ring while chats are open and chats keep coming during a call, still
 * one call at most. Every contact on the desk holds its slot until cleared (ACW, missed).
 */
import type { ContactChannel } from '../../../common/contract';

export interface ChannelCapacity {
  voice: 1;
  chat: number;
  /** A call and chats may be on the desk together (routing profile `voiceWithChat`). */
  voiceWithChat?: boolean;
}

export const DEFAULT_CAPACITY: ChannelCapacity = { voice: 1, chat: 0 };

/** Whether a new contact of `channel` fits next to `contacts`. */
export function hasRoomFor(
  channel: ContactChannel,
  contacts: readonly { channel: ContactChannel }[],
  capacity: ChannelCapacity,
): boolean {
  const count = (of: ContactChannel) => contacts.filter((contact) => contact.channel === of).length;
  switch (channel) {
    case 'voice':
      if (capacity.voiceWithChat) return count('voice') < capacity.voice;
      return contacts.length === 0 && capacity.voice > 0;
    case 'chat':
      if (!capacity.voiceWithChat && count('voice') > 0) return false;
      return count('chat') < capacity.chat;
  }
}
