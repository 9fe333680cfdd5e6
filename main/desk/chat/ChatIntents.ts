/**
 * The agent's intents inside a chat (E2), addressed by contact id as the desk exposes them to
 * DeskCommands (`desk.chats`): send a line, say they are typing, mark the tab read. Accept,
 * reject, end and clear are the desk's own, as for a call.
 */
import type { ChatAttachment, IntentResult } from '../../../common/contract';
import type { ChatDeskContact } from './chatContact';
import type { ChatDesk } from './ChatDesk';

export interface ChatIntentsDeps {
  readonly chat: (contactId: string) => ChatDeskContact | undefined;
  readonly desk: ChatDesk;
  readonly changed: () => void;
  /** The engine page is being reloaded: a line sent now would be lost, so it is refused. */
  readonly engineReloading?: () => boolean;
}

const OK: IntentResult = { ok: true };

export class ChatIntents {
  constructor(private readonly deps: ChatIntentsDeps) {}

  /** Only to a connected chat: an offer is not the agent's yet, ACW is after the end. */
  send(contactId: string, text: string): IntentResult {
    const chat = this.deps.chat(contactId);
    if (!chat) return { ok: false, reason: 'contactNotFound' };
    if (chat.state !== 'connected') return { ok: false, reason: 'notConnected' };
    if (this.deps.engineReloading?.()) return { ok: false, reason: 'engineReloading' };
    this.deps.desk.send(chat, text);
    this.deps.changed();
    return OK;
  }

  /** A file, within the profile's size and type limits. */
  attach(contactId: string, attachment: ChatAttachment): IntentResult {
    const chat = this.deps.chat(contactId);
    if (!chat) return { ok: false, reason: 'contactNotFound' };
    if (chat.state !== 'connected') return { ok: false, reason: 'notConnected' };
    if (this.deps.engineReloading?.()) return { ok: false, reason: 'engineReloading' };
    if (!this.deps.desk.sendFile(chat, attachment).ok)
      return { ok: false, reason: 'attachmentNotAllowed' };
    this.deps.changed();
    return OK;
  }

  typing(contactId: string, active: boolean): IntentResult {
    const chat = this.deps.chat(contactId);
    if (!chat) return { ok: false, reason: 'contactNotFound' };
    if (chat.state !== 'connected') return { ok: false, reason: 'notConnected' };
    this.deps.desk.agentTyping(chat, active);
    return OK;
  }

  read(contactId: string): IntentResult {
    const chat = this.deps.chat(contactId);
    if (!chat) return { ok: false, reason: 'contactNotFound' };
    if (this.deps.desk.read(chat)) this.deps.changed();
    return OK;
  }
}
