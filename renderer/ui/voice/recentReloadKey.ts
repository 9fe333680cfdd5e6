import type { DeskState } from '../../../common/contract';

/**
 * When the recent contacts list must reload: a contact's history record is written as it
 * leaves the desk (cleared, or signed out), so the list follows the contacts on the desk and
 * today's counts, not every snapshot (a timer tick or a notice does not touch the history).
 */
export function recentReloadKey(state: Pick<DeskState, 'contacts' | 'chats' | 'today'>): string {
  const ids = [...state.contacts, ...state.chats].map((contact) => contact.id).join(',');
  const today = state.today;
  return `${ids}|${today ? `${today.handled}/${today.missed}/${today.rejected}` : ''}`;
}
