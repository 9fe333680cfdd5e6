/**
 * A contact as the desk keeps it: the contract's contact plus what only the desk needs (its
 * timers, and for a call how the customer leg ended while a third party stayed on the line).
 */
import type { ChatContact, Contact, ContactEndCode } from '../../../common/contract';
import type { TimerHandle } from '../ports';
import type { ChatDeskContact } from '../chat/chatContact';
import type { VoiceDeskContact } from '../voice/voiceContact';
import type { OfferTimer } from './OfferTimer';

/** A contact of any channel as the desk keeps it. */
export type DeskContact = VoiceDeskContact | ChatDeskContact;

/** The desk's timers on a contact of any channel. */
export interface ContactTimers {
  offerTimer?: OfferTimer;
  acwTimer?: TimerHandle;
}

/** Who ended a contact and why: a code for the agent, the SIP text for IT, or both. */
export interface ContactEnd {
  endedBy: NonNullable<Contact['endedBy']>;
  endCode?: ContactEndCode;
  endReason?: string;
}

/** The ends the desk decides itself: worded by their code alone, there is no SIP text to them. */
export const DESK_ENDS = {
  agentEnded: { endedBy: 'agent', endCode: 'agentEnded' },
  ringTimeout: { endedBy: 'system', endCode: 'ringTimeout' },
  engineRestarted: { endedBy: 'system', endCode: 'engineRestarted' },
  appInterrupted: { endedBy: 'system', endCode: 'appInterrupted' },
  transferred: { endedBy: 'agent', endCode: 'transferred' },
} as const satisfies { [Code in ContactEndCode]?: ContactEnd & { endCode: Code } };

/** The contact as the renderers see it, without the desk's own bookkeeping. */
export function publicContact(contact: VoiceDeskContact): Contact {
  const { offerTimer: _offer, acwTimer: _acw, customerEnd: _end, ...visible } = contact;
  return visible;
}

/** The chat as the renderers see it, without the desk's own bookkeeping. */
export function publicChat(contact: ChatDeskContact): ChatContact {
  const {
    offerTimer: _offer,
    acwTimer: _acw,
    heldMessageId: _held,
    replyTo: _replyTo,
    ...visible
  } = contact;
  return visible;
}
