/** What the ChatDesk tests share: a customer's MESSAGE, and a desk with a chat accepted. */
import type { AgentDeskOptions } from '../deskSettings';
import type { ChatAttachment, EngineCommand, EngineEvent } from '../../../common/contract';
import { availableDesk } from '../desk.testkit';

/** The conversation header the desk's default chat headers read (lower case, as received). */
export const CONVERSATION = 'x-conversation-id';

/**
 * A MESSAGE from `user`, in conversation `conversation` when given (else their address), written
 * by whom `roleHeader` says (the customer when absent).
 */
export function customerMessage(
  messageId: string,
  text: string,
  {
    user = 'alice',
    conversation,
    roleHeader,
  }: { user?: string; conversation?: string; roleHeader?: 'bot' | 'agent' } = {},
): Extract<EngineEvent, { type: 'chat-message' }> {
  return {
    type: 'chat-message',
    messageId,
    from: { user, uri: customerUri(user), displayName: user },
    headers: {
      ...(conversation ? { [CONVERSATION]: conversation } : {}),
      ...(roleHeader ? { 'x-chat-role': roleHeader } : {}),
    },
    text,
  };
}

export function customerUri(user: string): string {
  return `sip:${user}@example.com`;
}

/** A small text file the default limits allow (text/plain, 5 bytes). */
export const NOTE: ChatAttachment = {
  name: 'order.txt',
  type: 'text/plain',
  size: 5,
  data: 'aGVsbG8=',
};

/** A desk with chat slots where `user`'s first MESSAGE was offered and accepted. */
export async function connectedChat(
  { user = 'alice', conversation }: { user?: string; conversation?: string } = {},
  options: Partial<AgentDeskOptions> = {},
) {
  const setup = await availableDesk({ chatSlots: 3, ...options });
  setup.desk.handleEngineEvent(customerMessage('m1', 'Hello', { user, conversation }));
  const id = setup.desk.snapshot().chats[0]!.id;
  setup.desk.contactIntents.accept(id);
  return { ...setup, id };
}

/** The send id of the agent's line or file the engine was last asked to send. */
export function lastSendId(commands: readonly EngineCommand[]): string {
  const sent = commands.findLast(
    (command) => command.type === 'chat-send' || command.type === 'chat-send-file',
  );
  if (sent?.type !== 'chat-send' && sent?.type !== 'chat-send-file') {
    throw new Error('the engine was asked to send no chat line');
  }
  return sent.sendId;
}
