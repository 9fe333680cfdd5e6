/**
 * The contacts the desktop's outputs care about, whatever their channel: offers ringing now,
 * contacts the agent is handling, and offers that rang out. Chat contacts (issue 15) fall into
 * the same groups by their `state`, so the tray and the notifications take them as they come.
 */
import type { ChatContact, Contact, DeskState } from '../../common/contract';

/** A contact of either list of the DeskState: calls (`contacts`) and chats (`chats`). */
export type DesktopContact = Contact | ChatContact;

/** Every contact on the desk, calls first: the tray and notifications treat them alike. */
export const allContacts = (state: DeskState): DesktopContact[] => [
  ...state.contacts,
  ...state.chats,
];

/** An offer the agent may still accept or reject. */
export const isOffer = (contact: DesktopContact): boolean => contact.state === 'incoming';

/** A contact with a live conversation: what End and Mute act on. */
export const isLive = (contact: DesktopContact): boolean =>
  contact.state === 'connected' || contact.state === 'accepting' || contact.state === 'dialing';

/** Rang out unanswered; stays until the agent clears it. */
export const isMissed = (contact: DesktopContact): boolean => contact.state === 'missed';

/** Who the contact is with, as the agent would say it: the name they sent, else their number. */
export function callerOf(contact: DesktopContact): string {
  const name = contact.peer.displayName.trim();
  return name.length > 0 ? name : contact.peer.number;
}

export function offers(state: DeskState): DesktopContact[] {
  return allContacts(state).filter(isOffer);
}

export function liveContacts(state: DeskState): DesktopContact[] {
  return allContacts(state).filter(isLive);
}

export function missedContacts(state: DeskState): DesktopContact[] {
  return allContacts(state).filter(isMissed);
}
