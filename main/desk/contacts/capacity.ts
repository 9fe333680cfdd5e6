/**
 * How many contacts of each channel the agent can have at once: the routing profile's
 * concurrency. One voice contact; chat slots as the profile says (chat itself comes later, so
 * there are none until then).
 *
 * Voice is exclusive, as in a contact center's default routing profile: a call is offered
 * only to a desk with no contact of any channel (one in ACW or missed included), and no chat
 * is offered while a voice contact is on the desk. Chats share their slots among themselves.
 */
import type { ContactChannel } from '../../../common/contract';

export interface ChannelCapacity {
  voice: 1;
  chat: number;
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
      return contacts.length === 0 && capacity.voice > 0;
    case 'chat':
      return count('voice') === 0 && count('chat') < capacity.chat;
  }
}
