import type { Contact, DeskState } from '../../../common/contract';

export interface MultiPartyActions {
  /** Join: a three-way conference; the profile must allow it and the third party be on. */
  join: boolean;
  /** Hold all when some live leg is not held, Resume all once every leg is held. */
  holdAll: 'hold' | 'resume' | undefined;
  /** Swap: talk to the other party; meaningless in a conference, where everyone talks. */
  swap: boolean;
  /** Leave: the customer and the third party stay connected without the agent. */
  leave: boolean;
}

const NONE: MultiPartyActions = { join: false, holdAll: undefined, swap: false, leave: false };

/**
 * Which contact-level buttons a two-party call shows. Main still checks every intent; this
 * only keeps buttons that cannot apply off the screen (no Join while the third party rings).
 */
export function multiPartyActions(
  contact: Contact,
  options: DeskState['contactOptions'],
): MultiPartyActions {
  const thirdParty = contact.thirdParty;
  if (contact.state !== 'connected' || !thirdParty) return NONE;
  const bothOn = thirdParty.state === 'connected' && !contact.customerLeft;
  if (!bothOn) return NONE;
  const conference = contact.conference === true;
  const allHeld = contact.hold === 'held' && thirdParty.hold === 'held';
  return {
    join: options.conference && !conference,
    holdAll: allHeld ? 'resume' : 'hold',
    swap: !conference,
    leave: true,
  };
}
