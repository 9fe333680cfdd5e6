/**
 * The chat channel of the desk (E1-E3): MESSAGEs become offers or lines of an open chat, the
 * held first MESSAGE is answered when the agent decides (or the ring timer does), and the
 * agent's replies and typing go back as MESSAGEs.
 *
 * Whether a new conversation may ring is AgentDesk's decision (`mayOffer`), taken per MESSAGE:
 * refused at once (486) when the agent is not Available or the chat slots are full, so the
 * proxy hunts the next agent without waiting.
 */
import { randomUUID } from 'node:crypto';
import { checkOutgoing, type OutgoingVerdict } from '../../../common/chat/attachmentPolicy';
import type {
  ChatAttachment,
  ChatAttachmentLimits,
  ChatLine,
  ChatRole,
  EngineEvent,
} from '../../../common/contract';
import { MAX_TRANSCRIPT_LINES } from '../../../common/contract';
import type { ContactBook } from '../contacts/ContactBook';
import { DESK_ENDS } from '../contacts/DeskContact';
import { OfferTimer } from '../contacts/OfferTimer';
import type { Clock, DeskLogger, EnginePort } from '../ports';
import type { OfferHeaderNames } from '../voice/offerHeaders';
import type { ChatDeskContact } from './chatContact';
import { chatMessageHeaders, type ChatHeaderNames } from './chatHeaders';
import { turnSinceAfter } from './chatTurn';
import { ChatTyping } from './ChatTyping';

type ChatMessageEvent = Extract<EngineEvent, { type: 'chat-message' }>;

export interface ChatSettings {
  ringTimeoutMs: number;
  /** What files the agent may send (profile routing.chatAttachments). */
  chatAttachments: ChatAttachmentLimits;
  chatHeaders: ChatHeaderNames;
  sipHeaders: OfferHeaderNames;
}

export interface ChatDeskHost {
  settings(): ChatSettings;
  /** A new conversation may ring now: signed in, Available, registered, a free chat slot. */
  mayOffer(): boolean;
  changed(): void;
}

export class ChatDesk {
  /** The agent's lines on their way: the engine's send id -> the chat and the line. */
  private readonly sending = new Map<string, { contactId: string; lineId: string }>();
  private readonly typing: ChatTyping;

  constructor(
    private readonly engine: EnginePort,
    private readonly clock: Clock,
    private readonly logger: DeskLogger,
    private readonly book: ContactBook,
    private readonly host: ChatDeskHost,
  ) {
    this.typing = new ChatTyping(engine, clock);
  }

  // --- The customer's side ---

  /** A MESSAGE arrived: a line of an open chat, or the first of a new conversation. */
  onMessage(event: ChatMessageEvent): boolean {
    const { chatHeaders, sipHeaders } = this.host.settings();
    const parsed = chatMessageHeaders(event.headers, event.from.uri, {
      ...chatHeaders,
      queueName: sipHeaders.queueName,
    });
    const open = this.openChat(parsed.conversationId);
    if (open) {
      this.answer(event.messageId, 200);
      open.customerTyping = false;
      this.append(open, parsed.role, event.text, open.state === 'incoming', event.attachment);
      return true;
    }
    if (!this.host.mayOffer()) {
      this.logger.info('chat refused: agent not routable for chat', { from: event.from.user });
      this.answer(event.messageId, 486);
      return false;
    }
    this.offer(event, parsed);
    return true;
  }

  /** RFC 3994 from the customer: shown on their chat while active. */
  onTyping(from: string, active: boolean): boolean {
    const chat = this.book.chats().find((c) => c.replyTo === from && c.state === 'connected');
    if (!chat || chat.customerTyping === active) return false;
    chat.customerTyping = active;
    return true;
  }

  /** The engine's word on one of the agent's lines. */
  onSent(sendId: string, delivered: boolean, statusCode?: number): boolean {
    const pending = this.sending.get(sendId);
    this.sending.delete(sendId);
    const line =
      pending && this.book.chat(pending.contactId)?.transcript.find((l) => l.id === pending.lineId);
    if (!line) return false;
    line.delivery = delivered ? 'delivered' : 'failed';
    if (!delivered) this.logger.warn('chat line not delivered', { sendId, statusCode });
    return true;
  }

  private openChat(conversationId: string): ChatDeskContact | undefined {
    return this.book
      .chats()
      .find(
        (chat) =>
          chat.conversationId === conversationId &&
          (chat.state === 'incoming' || chat.state === 'connected'),
      );
  }

  private offer(event: ChatMessageEvent, parsed: ReturnType<typeof chatMessageHeaders>): void {
    const now = this.clock.now();
    const contact: ChatDeskContact = {
      id: `chat-${randomUUID()}`,
      channel: 'chat',
      direction: 'inbound',
      state: 'incoming',
      peer: { number: event.from.user, displayName: event.from.displayName },
      ...(parsed.queue ? { queue: parsed.queue } : {}),
      createdAt: now,
      stateSince: now,
      details: { notes: '' },
      conversationId: parsed.conversationId,
      transcript: [],
      unread: 0,
      heldMessageId: event.messageId,
      replyTo: event.from.uri,
    };
    contact.offerTimer = new OfferTimer(this.clock, this.host.settings().ringTimeoutMs, () =>
      this.ringTimedOut(contact.id),
    );
    contact.ringDeadline = contact.offerTimer.deadline;
    this.append(contact, parsed.role, event.text, true, event.attachment);
    this.book.add(contact);
    this.logger.info('chat offered', { contactId: contact.id, from: event.from.user });
  }

  private ringTimedOut(contactId: string): void {
    const contact = this.book.chat(contactId);
    if (contact?.state !== 'incoming') return;
    this.book.move(contact, 'ringTimeout', DESK_ENDS.ringTimeout);
    // 480 after the ring time: the proxy's serial fork tries the next agent.
    this.releaseHeld(contact, 480);
    this.host.changed();
  }

  // --- The agent's intents ---

  accept(contact: ChatDeskContact): void {
    this.book.move(contact, 'accept');
    this.releaseHeld(contact, 200);
    contact.unread = 0;
  }

  reject(contact: ChatDeskContact): void {
    this.book.move(contact, 'reject');
    this.releaseHeld(contact, 486);
  }

  end(contact: ChatDeskContact): void {
    this.book.move(contact, 'end', DESK_ENDS.agentEnded);
    this.typing.stop(contact.replyTo);
  }

  /** The agent's line: shown at once as sending, delivered when the far end answers 2xx. */
  send(contact: ChatDeskContact, text: string): void {
    const line = this.append(contact, 'agent', text, false);
    line.delivery = 'sending';
    const sendId = `send-${randomUUID()}`;
    this.sending.set(sendId, { contactId: contact.id, lineId: line.id });
    this.typing.sent(contact.replyTo);
    const headers = this.conversationHeaders(contact);
    this.engine.send({ type: 'chat-send', sendId, target: contact.replyTo, text, headers });
  }

  /**
   * The agent's file: checked again against the profile's limits (the UI checked first, but
   * a renderer is not trusted), then sent as one MESSAGE like a line.
   */
  sendFile(contact: ChatDeskContact, attachment: ChatAttachment): OutgoingVerdict {
    const verdict = checkOutgoing(attachment, this.host.settings().chatAttachments);
    if (!verdict.ok) return verdict;
    const line = this.append(contact, 'agent', '', false, attachment);
    line.delivery = 'sending';
    const sendId = `send-${randomUUID()}`;
    this.sending.set(sendId, { contactId: contact.id, lineId: line.id });
    const headers = this.conversationHeaders(contact);
    this.engine.send({
      type: 'chat-send-file',
      sendId,
      target: contact.replyTo,
      attachment,
      headers,
    });
    return verdict;
  }

  private conversationHeaders(contact: ChatDeskContact): Record<string, string> {
    return contact.conversationId !== contact.replyTo
      ? { [this.host.settings().chatHeaders.conversationId]: contact.conversationId }
      : {};
  }

  /** The agent is typing (or stopped): isComposing at a sane rate (ChatTyping). */
  agentTyping(contact: ChatDeskContact, active: boolean): void {
    if (active) this.typing.typing(contact.replyTo);
    else this.typing.stop(contact.replyTo);
  }

  /** The agent has seen the chat's lines. */
  read(contact: ChatDeskContact): boolean {
    if (contact.unread === 0) return false;
    contact.unread = 0;
    return true;
  }

  /** The engine restarted: a held MESSAGE died with it; the proxy's transaction hunts on. */
  closeOffers(): void {
    for (const chat of this.book.chats()) {
      if (chat.state !== 'incoming') continue;
      delete chat.heldMessageId;
      this.book.move(chat, 'failed', DESK_ENDS.engineRestarted);
    }
  }

  private releaseHeld(contact: ChatDeskContact, status: 200 | 480 | 486): void {
    if (contact.heldMessageId === undefined) return;
    this.answer(contact.heldMessageId, status);
    delete contact.heldMessageId;
  }

  private answer(messageId: string, status: 200 | 480 | 486): void {
    this.engine.send({ type: 'chat-answer', messageId, status });
  }

  private append(
    contact: ChatDeskContact,
    role: ChatRole,
    text: string,
    beforeAccept: boolean,
    attachment?: ChatAttachment,
  ): ChatLine {
    const at = this.clock.now();
    const line: ChatLine = {
      // Unique whatever the transcript's length: numbering by position repeats once the
      // oldest lines are dropped at the cap, and two lines of one millisecond then shared an
      // id (the UI keys lines by it, a delivery report finds the agent's line by it).
      id: `line-${randomUUID()}`,
      role,
      // A file's line names it, so history and the CSV say what was sent.
      text: attachment ? `📎 ${attachment.name}` : text.slice(0, 4000),
      at,
      ...(beforeAccept ? { beforeAccept: true } : {}),
      ...(attachment ? { attachment } : {}),
    };
    contact.turnSince = turnSinceAfter(contact.transcript.at(-1), contact.turnSince, line);
    contact.transcript.push(line);
    if (contact.transcript.length > MAX_TRANSCRIPT_LINES) contact.transcript.shift();
    if (role !== 'agent') contact.unread += 1;
    return line;
  }
}
