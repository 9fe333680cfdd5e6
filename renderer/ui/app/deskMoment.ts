/**
 * A "moment" of the desk: which contact is open, in which state, and the agent's status. A
 * refusal or a notice about one moment ("End and clear the contact before logging out.", "The
 * hold failed") means nothing in the next, so it goes when the moment changes.
 */
import type { DeskState, NoticeCode } from '../../../common/contract';

export function deskMoment(state: Pick<DeskState, 'contacts' | 'agent'>): string {
  const contact = state.contacts[0];
  return [contact?.id ?? '', contact?.state ?? '', state.agent.statusId].join('|');
}

/**
 * Notices about what just happened to a contact or a link: gone with the moment. The others
 * (the line is down, a file was repaired, the password was not remembered) describe the app
 * and stay until dismissed or replaced.
 */
export const MOMENT_NOTICES: ReadonlySet<NoticeCode> = new Set<NoticeCode>([
  'holdFailed',
  'thirdPartyLeft',
  'consultFailed',
  'customerLeft',
  'transferFailed',
  'referRefused',
  'replacesRefused',
  'dialLinkInvalid',
  'dialLinkRefused',
]);

/** How long a refusal stays on screen when nothing else clears it first. */
export const REFUSAL_VISIBLE_MS = 8_000;
