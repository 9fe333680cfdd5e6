/**
 * A contact as the drafts journal keeps it (Reliability): who the contact is with, when it began
 * and was answered, the state it was in, and what the agent had written (notes, wrap-up code,
 * follow-up). Everything else (hold, mute, quality, the third party) dies with the call.
 *
 * If the app dies with a contact open, the journal is what is left of it; at the next start the
 * desk brings it back as an interrupted contact in ACW, so the agent can finish the wrap-up and
 * clear it into the history like any other contact.
 */
import { z } from 'zod';
import { VoiceContact, type ContactState } from '../../../common/contract';
import { ChatDraft, chatDraft, interruptedChat } from '../chat/chatDraft';
import type { VoiceDeskContact } from '../voice/voiceContact';
import { DESK_ENDS, type DeskContact } from './DeskContact';

/** The journal's fields, with the contract's own bounds (the file is read back untrusted). */
export const VoiceDraft = VoiceContact.pick({
  id: true,
  channel: true,
  direction: true,
  state: true,
  peer: true,
  queue: true,
  createdAt: true,
  connectedAt: true,
  endedAt: true,
  endCode: true,
  endReason: true,
  endedBy: true,
  details: true,
  callback: true,
  transferredTo: true,
  voicemail: true,
}).strict();
export type VoiceDraft = z.infer<typeof VoiceDraft>;

/** A journaled contact of either channel; a chat keeps its transcript (chatDraft.ts). */
export const ContactDraft = z.discriminatedUnion('channel', [VoiceDraft, ChatDraft]);
export type ContactDraft = z.infer<typeof ContactDraft>;

/**
 * The states worth keeping: the agent took the contact (or placed it) and may be writing about
 * it. A ringing offer is not (the agent never had it); missed and failed contacts take no notes.
 */
const JOURNALED_STATES: ReadonlySet<ContactState> = new Set([
  'accepting',
  'dialing',
  'connected',
  'acw',
]);

/** What the journal should hold for the contacts on the desk now (empty: nothing to keep). */
export function contactDrafts(contacts: readonly DeskContact[]): ContactDraft[] {
  return contacts
    .filter((contact) => JOURNALED_STATES.has(contact.state))
    .map((contact) => (contact.channel === 'chat' ? chatDraft(contact) : contactDraft(contact)));
}

function contactDraft(contact: VoiceDeskContact): VoiceDraft {
  const draft: VoiceDraft = {
    id: contact.id,
    channel: contact.channel,
    direction: contact.direction,
    state: contact.state,
    peer: { ...contact.peer },
    createdAt: contact.createdAt,
    details: {
      notes: contact.details.notes,
      ...(contact.details.wrapUpCode !== undefined
        ? { wrapUpCode: contact.details.wrapUpCode }
        : {}),
      ...(contact.details.followUp ? { followUp: { ...contact.details.followUp } } : {}),
    },
  };
  // Optional fields only when set: the file stays minimal and `exactOptionalPropertyTypes` holds.
  if (contact.queue !== undefined) draft.queue = contact.queue;
  if (contact.connectedAt !== undefined) draft.connectedAt = contact.connectedAt;
  if (contact.endedAt !== undefined) draft.endedAt = contact.endedAt;
  if (contact.endCode !== undefined) draft.endCode = contact.endCode;
  if (contact.endReason !== undefined) draft.endReason = contact.endReason;
  if (contact.endedBy !== undefined) draft.endedBy = contact.endedBy;
  if (contact.callback) draft.callback = true;
  if (contact.transferredTo !== undefined) draft.transferredTo = contact.transferredTo;
  if (contact.voicemail) draft.voicemail = true;
  return draft;
}

/**
 * The contact the journal left behind, back on the desk in ACW. `lastSeenAt`: when the journal
 * was last written, the last moment the app is known to have been on the contact, so a call
 * still up then counts as ended there (its real end is unknown: the app was gone). A contact
 * already in ACW keeps its own end; `now` starts the new ACW period the agent sees.
 */
export function interruptedContact(
  draft: ContactDraft,
  lastSeenAt: number,
  now: number,
): DeskContact {
  if (draft.channel === 'chat') return interruptedChat(draft, lastSeenAt, now);
  const wasOnCall = draft.state !== 'acw';
  return {
    ...draft,
    hold: 'none',
    muted: false,
    state: 'acw',
    stateSince: now,
    // Never later than now: a clock set back between the runs must not end it in the future.
    endedAt: Math.min(
      now,
      draft.endedAt ?? Math.max(lastSeenAt, draft.connectedAt ?? draft.createdAt),
    ),
    // A call still up has no end of its own yet (those are set on leaving `connected`).
    ...(wasOnCall ? DESK_ENDS.appInterrupted : {}),
  };
}
