/**
 * The contacts the desktop's outputs care about, whatever their channel: offers ringing now,
 * contacts the agent is handling, and offers that rang out. Chat contacts (issue 15) fall into
 * the same groups by their `state`, so the tray and the notifications take them as they come.
 */
import type { Contact, DeskState } from '../../common/contract';

/** An offer the agent may still accept or reject. */
export const isOffer = (contact: Contact): boolean => contact.state === 'incoming';

/** A contact with a live conversation: what End and Mute act on. */
export const isLive = (contact: Contact): boolean =>
  contact.state === 'connected' || contact.state === 'accepting' || contact.state === 'dialing';

/** Rang out unanswered; stays until the agent clears it. */
export const isMissed = (contact: Contact): boolean => contact.state === 'missed';

/** Who the contact is with, as the agent would say it: the name they sent, else their number. */
export function callerOf(contact: Contact): string {
  const name = contact.peer.displayName.trim();
  return name.length > 0 ? name : contact.peer.number;
}

export function offers(state: DeskState): Contact[] {
  return state.contacts.filter(isOffer);
}

export function liveContacts(state: DeskState): Contact[] {
  return state.contacts.filter(isLive);
}

export function missedContacts(state: DeskState): Contact[] {
  return state.contacts.filter(isMissed);
}
