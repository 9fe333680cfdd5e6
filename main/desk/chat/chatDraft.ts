/**
 * A chat as the drafts journal keeps it (Reliability, E3): the contact, the agent's notes and
 * its whole transcript, journaled as each line is sent or received, so a crash or a restart
 * loses none. It comes back in ACW like an interrupted call, transcript and all.
 */
import { z } from 'zod';
import { ChatContact, RemoteText } from '../../../common/contract';
import { DESK_ENDS } from '../contacts/DeskContact';
import type { ChatDeskContact } from './chatContact';

export const ChatDraft = ChatContact.pick({
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
  conversationId: true,
  transcript: true,
})
  .extend({ replyTo: RemoteText })
  .strict();
export type ChatDraft = z.infer<typeof ChatDraft>;

export function chatDraft(contact: ChatDeskContact): ChatDraft {
  const {
    offerTimer: _o,
    acwTimer: _a,
    heldMessageId: _h,
    unread: _u,
    customerTyping: _t,
    ...rest
  } = contact;
  const {
    stateSince: _s,
    ringDeadline: _r,
    acwDeadline: _d,
    autoAccepted: _aa,
    turnSince: _ts,
    ...kept
  } = rest;
  return {
    ...kept,
    peer: { ...kept.peer },
    transcript: kept.transcript.map((line) => ({ ...line })),
  };
}

/** The chat the journal left behind, back on the desk in ACW with its transcript. */
export function interruptedChat(
  draft: ChatDraft,
  lastSeenAt: number,
  now: number,
): ChatDeskContact {
  const wasOpen = draft.state !== 'acw';
  return {
    ...draft,
    state: 'acw',
    stateSince: now,
    unread: 0,
    endedAt: Math.min(
      now,
      draft.endedAt ?? Math.max(lastSeenAt, draft.connectedAt ?? draft.createdAt),
    ),
    ...(wasOpen ? DESK_ENDS.appInterrupted : {}),
  };
}
