/**
 * ContactIntents: the intents every contact has whatever its channel (C1-C4, E1), addressed by
 * contact id, as the desk exposes them to DeskCommands (`desk.contactIntents`): accept, reject,
 * end, clear, save the details, and restore the contacts the app closed on.
 *
 * Each channel keeps its own rules (VoiceCalls, ChatDesk), the contact table checks every move,
 * and wrap-up decides whether a contact may be cleared. This class only routes the intent to
 * its channel and publishes a new snapshot when it went ahead, so a refusal leaves the desk (and
 * its revision) exactly as it was. It is split from AgentDesk so that the desk keeps the
 * decisions that span parts (routability, the line, sign-in).
 */
import type { ContactDetails, IntentResult } from '../../../common/contract';
import type { Clock, DeskLogger } from '../ports';
import type { ChatDesk } from '../chat/ChatDesk';
import type { VoiceCalls } from '../voice/VoiceCalls';
import type { ContactBook } from './ContactBook';
import { saveDetails } from './contactDetails';
import { interruptedContact, type ContactDraft } from './contactDraft';
import type { DeskContact } from './DeskContact';
import { clearRefusal, type WrapUpSettings } from './wrapUp';

export interface ContactIntentsDeps {
  readonly book: ContactBook;
  readonly voice: VoiceCalls;
  readonly chat: ChatDesk;
  readonly clock: Clock;
  readonly logger: DeskLogger;
  /** The profile's wrap-up rules in force now (a new profile may change them). */
  readonly wrapUp: () => WrapUpSettings;
  /** A cleared contact may free the line (Session.reconcileLine). */
  readonly contactCleared: () => void;
  /** "Contact restored after the app closed" for the agent. */
  readonly restoredNotice: () => void;
  /** Publishes a new snapshot (AgentDesk.changed). */
  readonly changed: () => void;
}

const OK: IntentResult = { ok: true };

export class ContactIntents {
  constructor(private readonly deps: ContactIntentsDeps) {}

  accept(contactId: string): IntentResult {
    return this.onContact(contactId, (contact) =>
      contact.channel === 'chat' ? this.deps.chat.accept(contact) : this.deps.voice.accept(contact),
    );
  }

  reject(contactId: string): IntentResult {
    return this.onContact(contactId, (contact) =>
      contact.channel === 'chat' ? this.deps.chat.reject(contact) : this.deps.voice.reject(contact),
    );
  }

  /** Ends the contact with every leg still up; `voicemail`: the agent left one (D7). */
  end(contactId: string, { voicemail = false }: { voicemail?: boolean } = {}): IntentResult {
    return this.onContact(contactId, (contact) =>
      contact.channel === 'chat'
        ? this.deps.chat.end(contact)
        : this.deps.voice.end(contact, voicemail),
    );
  }

  clear(contactId: string): IntentResult {
    const contact = this.deps.book.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    const refusal = clearRefusal(contact, this.deps.wrapUp());
    if (refusal) return { ok: false, reason: refusal };
    this.clearNow(contact);
    return OK;
  }

  /** Clears a contact the wrap-up rules already let go (the ACW timeout, or `clear`). */
  clearNow(contact: DeskContact): void {
    this.deps.book.move(contact, 'clear');
    this.deps.contactCleared();
    this.deps.changed();
  }

  /**
   * The contacts the drafts journal kept when the app last closed with them open: each comes
   * back in ACW with the notes and wrap-up as typed, so the agent finishes and clears it into
   * the history. `lastSeenAt`: when the journal was last written.
   */
  restoreInterrupted(drafts: readonly ContactDraft[], lastSeenAt: number): void {
    if (drafts.length === 0) return;
    const now = this.deps.clock.now();
    for (const draft of drafts) {
      if (this.deps.book.get(draft.id)) continue;
      this.deps.book.restore(interruptedContact(draft, lastSeenAt, now));
      this.deps.logger.warn('contact restored after the app closed', {
        contactId: draft.id,
        state: draft.state,
      });
    }
    this.deps.restoredNotice();
    this.deps.changed();
  }

  /** Notes, wrap-up code and follow-up: while on the contact or in ACW, not once cleared. */
  saveDetails(contactId: string, details: ContactDetails): IntentResult {
    const contact = this.deps.book.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    const result = saveDetails(contact, details, this.deps.wrapUp());
    // The desk changes only when the details went ahead.
    if (result.ok) this.deps.changed();
    return result;
  }

  /** An intent the contact table checks (it throws on an illegal one), never refused. */
  private onContact(contactId: string, act: (contact: DeskContact) => void): IntentResult {
    const contact = this.deps.book.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    act(contact);
    this.deps.changed();
    return OK;
  }
}
