/**
 * The life of a contact's second leg (D6): the call the agent places from a contact to consult,
 * transfer to or conference with a third party, as a transition table.
 *
 * The leg ends the same way whoever ends it (the far end, the network, the agent), so there is
 * one `ended` event; `removed` means it leaves the contact. A second `confirmed` would mean the
 * engine and the desk disagree about which call this is: illegal.
 */
import type { ThirdParty } from '../../../common/contract';
import { transition } from '../../../common/fsm/transitionTable';

export type ThirdPartyState = ThirdParty['state'];
export type ThirdPartyEvent = 'confirmed' | 'ended';
export type ThirdPartyTarget = ThirdPartyState | 'removed';

export const thirdPartyTransitions: Readonly<
  Record<ThirdPartyState, Partial<Record<ThirdPartyEvent, ThirdPartyTarget>>>
> = {
  dialing: { confirmed: 'connected', ended: 'removed' },
  connected: { ended: 'removed' },
};

export function nextThirdPartyState(
  from: ThirdPartyState,
  event: ThirdPartyEvent,
): ThirdPartyTarget {
  return transition('thirdParty', thirdPartyTransitions, from, event);
}
