/**
 * The contacts on the desk, of every channel: it moves each through the contact table, runs
 * the ACW timer, and writes a contact to the history when it leaves the desk.
 */
import type { ChatContact, Contact, ContactChannel, ContactState } from '../../../common/contract';
import type { ChatDeskContact } from '../chat/chatContact';
import { nextChatState } from '../chat/chatMachine';
import type { VoiceDeskContact } from '../voice/voiceContact';
import type { HistoryRecorder } from '../HistoryRecorder';
import type { Clock, DeskLogger } from '../ports';
import { hasRoomFor, type ChannelCapacity } from './capacity';
import { isActiveContactState, nextContactState, type ContactEvent } from './contactMachine';
import { contactRecord } from './contactRecord';
import { publicChat, publicContact, type ContactEnd, type DeskContact } from './DeskContact';

/** What the book needs from AgentDesk. */
export interface ContactBookHost {
  /** The profile's ACW timeout, 0 for none (only Clear ends ACW). */
  acwTimeoutMs(): number;
  /** The contact left `connected`: the channel lets go of what it had (a call's legs). */
  leftConnected(contact: DeskContact): void;
  /** The ACW timeout ran out: the desk clears the contact as if the agent pressed Clear. */
  acwExpired(contact: DeskContact): void;
}

export class ContactBook {
  private readonly contacts = new Map<string, DeskContact>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: DeskLogger,
    private readonly history: HistoryRecorder,
    private readonly host: ContactBookHost,
  ) {}

  get(contactId: string): DeskContact | undefined {
    return this.contacts.get(contactId);
  }

  /** The call with this id, if it is one. */
  voice(contactId: string): VoiceDeskContact | undefined {
    const contact = this.contacts.get(contactId);
    return contact?.channel === 'voice' ? contact : undefined;
  }

  /** The chat with this id, if it is one. */
  chat(contactId: string): ChatDeskContact | undefined {
    const contact = this.contacts.get(contactId);
    return contact?.channel === 'chat' ? contact : undefined;
  }

  calls(): VoiceDeskContact[] {
    return this.all().filter((contact) => contact.channel === 'voice');
  }

  chats(): ChatDeskContact[] {
    return this.all().filter((contact) => contact.channel === 'chat');
  }

  all(): DeskContact[] {
    return [...this.contacts.values()];
  }

  get size(): number {
    return this.contacts.size;
  }

  add(contact: DeskContact): void {
    this.contacts.set(contact.id, contact);
  }

  /**
   * A contact brought back in ACW (the drafts journal, after the app closed with it open). It
   * runs the profile's ACW timeout like any contact that reached ACW.
   */
  restore(contact: DeskContact): void {
    if (contact.state !== 'acw') throw new Error(`restore: contact ${contact.id} is not in ACW`);
    this.add(contact);
    if (this.host.acwTimeoutMs() > 0) this.startAcwTimer(contact);
  }

  /** A contact still holds the agent: ringing, dialing or on a call (not ACW, missed, failed). */
  hasActive(): boolean {
    return this.all().some((contact) => isActiveContactState(contact.state));
  }

  /** A contact is connected: the agent is talking to a customer. */
  hasConnected(): boolean {
    return this.all().some((contact) => contact.state === 'connected');
  }

  hasRoomFor(channel: ContactChannel, capacity: ChannelCapacity): boolean {
    return hasRoomFor(channel, this.all(), capacity);
  }

  publicContacts(): Contact[] {
    return this.calls().map(publicContact);
  }

  publicChats(): ChatContact[] {
    return this.chats().map(publicChat);
  }

  /** Throws IllegalTransitionError unless the contact table allows `event` now. */
  check(contact: DeskContact, event: ContactEvent): void {
    this.next(contact, event);
  }

  /** Each channel has its own table: a chat never dials and has nothing to confirm. */
  private next(contact: DeskContact, event: ContactEvent) {
    return contact.channel === 'chat'
      ? nextChatState(contact.state, event)
      : nextContactState(contact.state, event);
  }

  /** Moves `contact` through the contact table; `end` says who ended it and why, if it ends. */
  move(contact: DeskContact, event: ContactEvent, end: Partial<ContactEnd> = {}): void {
    const from = contact.state;
    const target = this.next(contact, event);
    if (from === 'incoming') contact.offerTimer?.cancel();
    if (from === 'acw' && target !== 'acw') contact.acwTimer?.cancel();
    if (target === 'removed') {
      this.contacts.delete(contact.id);
      this.record(contact, from, event);
      return;
    }
    if (target === from) return;
    const now = this.clock.now();
    contact.state = target;
    contact.stateSince = now;
    if (target === 'connected') contact.connectedAt = now;
    if (from === 'connected') this.host.leftConnected(contact);
    if (target === 'acw' || target === 'missed' || target === 'failed') {
      contact.endedAt = now;
      // The first end recorded is the contact's: its code and its SIP text together.
      if (contact.endCode === undefined && contact.endReason === undefined) {
        if (end.endCode !== undefined) contact.endCode = end.endCode;
        if (end.endReason !== undefined) contact.endReason = end.endReason;
      }
      contact.endedBy ??= end.endedBy;
    }
    if (from === 'incoming') delete contact.ringDeadline;
    if (target === 'acw' && this.host.acwTimeoutMs() > 0) this.startAcwTimer(contact);
  }

  /** The profile's ACW timeout: wrap-up ends by itself, as if the agent pressed Clear. */
  private startAcwTimer(contact: DeskContact): void {
    const timeoutMs = this.host.acwTimeoutMs();
    contact.acwDeadline = this.clock.now() + timeoutMs;
    contact.acwTimer = this.clock.after(timeoutMs, () => {
      if (this.contacts.get(contact.id)?.state !== 'acw') return;
      this.logger.info('acw timed out', { contactId: contact.id });
      // The timeout is IT's promise that the agent returns to routing: it clears even when
      // a required wrap-up code is missing (the history shows none was chosen).
      this.host.acwExpired(contact);
    });
  }

  /** Sign-out clears every contact still in wrap-up: they still count in the history. */
  removeAll(): void {
    for (const contact of this.all()) {
      contact.offerTimer?.cancel();
      contact.acwTimer?.cancel();
      this.contacts.delete(contact.id);
      this.record(contact, contact.state, 'clear');
    }
  }

  private record(contact: DeskContact, from: ContactState, event: ContactEvent): void {
    this.history.append(contactRecord(contact, from, event, this.clock.now()));
  }
}
