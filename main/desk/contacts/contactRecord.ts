/**
 * The history record of a contact that leaves the desk (C4, H1, D8): when it happened, how it
 * ended, and what the agent recorded about it.
 */
import type { ContactState } from '../../../common/contract';
import type { ContactRecord } from '../../history/HistoryRecord';
import type { ContactEvent } from './contactMachine';
import { contactOutcome } from './contactOutcome';
import type { DeskContact } from './DeskContact';

/** `from` and `event`: the state the contact left and what removed it; `now`: the time it did. */
export function contactRecord(
  contact: DeskContact,
  from: ContactState,
  event: ContactEvent,
  now: number,
): ContactRecord {
  const endedAt = contact.endedAt ?? now;
  const { notes, wrapUpCode, followUp } = contact.details;
  return {
    type: 'contact',
    at: contact.createdAt,
    contactId: contact.id,
    channel: contact.channel,
    direction: contact.direction,
    peer: contact.peer,
    outcome: contactOutcome(from, event, contact.connectedAt !== undefined),
    ...(contact.direction === 'inbound' ? { offeredAt: contact.createdAt } : {}),
    ...(contact.connectedAt !== undefined
      ? { connectedAt: contact.connectedAt, handleMs: endedAt - contact.connectedAt }
      : {}),
    endedAt,
    ...(from === 'acw' ? { acwEndedAt: now, acwMs: now - endedAt } : {}),
    ...(contact.endReason ? { endReason: contact.endReason } : {}),
    ...(contact.endCode ? { endCode: contact.endCode } : {}),
    ...(contact.queue ? { queue: contact.queue } : {}),
    ...(notes !== '' ? { notes } : {}),
    ...(wrapUpCode !== undefined ? { wrapUpCode } : {}),
    ...(followUp ? { followUp: { ...followUp } } : {}),
    ...channelFields(contact),
  } as ContactRecord;
}

/** What only one channel records: a call's callback and transfer, a chat's transcript. */
function channelFields(contact: DeskContact): Record<string, unknown> {
  if (contact.channel === 'chat') {
    return {
      conversationId: contact.conversationId,
      transcript: contact.transcript.map(({ role, text, at, beforeAccept }) => ({
        role,
        text,
        at,
        ...(beforeAccept ? { beforeAccept } : {}),
      })),
    };
  }
  return {
    ...(contact.callback ? { callback: true } : {}),
    ...(contact.voicemail ? { voicemail: true } : {}),
    ...(contact.transferredTo !== undefined ? { transferredTo: contact.transferredTo } : {}),
    ...(contact.recording?.file !== undefined ? { recordingFile: contact.recording.file } : {}),
  };
}
