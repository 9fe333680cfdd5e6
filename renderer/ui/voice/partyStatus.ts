import type { Contact, ThirdParty } from '../../../common/contract';

/** What a party row says about its leg (D6: "each party shows its own state"). */
export type PartyStatus =
  | 'dialing'
  | 'connected'
  | 'holding'
  | 'onHold'
  | 'resuming'
  /** The far end holds the agent (their re-INVITE); the agent's own hold is `none`. */
  | 'holdingYou'
  | 'left';

function fromHold(hold: Contact['hold']): PartyStatus | undefined {
  switch (hold) {
    case 'holding':
      return 'holding';
    case 'held':
      return 'onHold';
    case 'resuming':
      return 'resuming';
    case 'none':
      return undefined;
  }
}

export function customerStatus(contact: Contact): PartyStatus {
  if (contact.customerLeft) return 'left';
  return fromHold(contact.hold) ?? (contact.remoteHold ? 'holdingYou' : 'connected');
}

export function thirdPartyStatus(thirdParty: ThirdParty): PartyStatus {
  if (thirdParty.state === 'dialing') return 'dialing';
  return fromHold(thirdParty.hold) ?? 'connected';
}
