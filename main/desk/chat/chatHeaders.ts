/**
 * The header convention for chats (E1, E2; docs/chat.md): which conversation a MESSAGE belongs
 * to, which queue it came from and who wrote it. A plain SIP client or SMS gateway sends none of
 * them: the conversation is then the sender's address and every line is the customer's. Header
 * names come from the profile, values from the network: both untrusted and bounded here.
 */
import type { ChatRole } from '../../../common/contract';
import { headerValue, MAX_QUEUE_NAME_LENGTH } from '../voice/offerHeaders';

/** The profile's names for the chat headers (`chat.headers`); the queue one is `sipHeaders`'. */
export interface ChatHeaderNames {
  conversationId: string;
  role: string;
}

export const DEFAULT_CHAT_HEADER_NAMES: ChatHeaderNames = {
  conversationId: 'X-Conversation-Id',
  role: 'X-Chat-Role',
};

/** A conversation id longer than this is cut (it keys the tab, it is never shown in full). */
export const MAX_CONVERSATION_ID_LENGTH = 128;

/** Role header values, case-insensitive; anything else is the customer's line. */
const ROLES: Readonly<Record<string, ChatRole>> = {
  customer: 'customer',
  bot: 'bot',
  agent: 'otherAgent',
  'other-agent': 'otherAgent',
};

export interface ChatMessageHeaders {
  conversationId: string;
  role: ChatRole;
  queue?: string;
}

export function chatMessageHeaders(
  headers: Readonly<Record<string, string>>,
  fromUri: string,
  names: ChatHeaderNames & { queueName: string },
): ChatMessageHeaders {
  const conversation = headerValue(headers, names.conversationId)?.trim();
  const role = headerValue(headers, names.role)?.trim().toLowerCase() ?? '';
  const queue = headerValue(headers, names.queueName)?.trim().slice(0, MAX_QUEUE_NAME_LENGTH);
  return {
    conversationId: (conversation || fromUri).slice(0, MAX_CONVERSATION_ID_LENGTH),
    role: ROLES[role] ?? 'customer',
    ...(queue ? { queue } : {}),
  };
}

/** The chat header names the engine must forward with a MESSAGE, lower-case. */
export function chatForwardedHeaderNames(names: ChatHeaderNames): string[] {
  return [names.conversationId, names.role].map((name) => name.toLowerCase());
}
