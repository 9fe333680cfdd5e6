/**
 * The legs of one call. A call has up to two: the customer's, whose callId is the contact's
 * id, and the third party's during a consult or conference. The contact lives while either leg
 * does, so the legs may end in any order.
 *
 * Queries first, then the changes that also tell the engine (hold a leg, stop the mix).
 */
import type { HoldState } from '../../../common/contract';
import type { ContactEnd } from '../contacts/DeskContact';
import type { EnginePort } from '../ports';
import { nextHoldState } from './holdMachine';
import type { VoiceDeskContact } from './voiceContact';

/** One of a call's two legs. */
export type Leg = 'customer' | 'thirdParty';

export function callIdOf(contact: VoiceDeskContact, leg: Leg): string {
  return leg === 'customer' ? contact.id : contact.thirdParty!.callId;
}

/** The customer is still on the line. */
export function customerLive(contact: VoiceDeskContact): boolean {
  return contact.state === 'connected' && contact.customerLeft !== true;
}

export function thirdPartyConnected(contact: VoiceDeskContact): boolean {
  return contact.thirdParty?.state === 'connected';
}

/** The calls still up: the ones to mute, or to hang up when the agent ends the contact. */
export function liveCallIds(contact: VoiceDeskContact): string[] {
  return [
    ...(customerLive(contact) ? [contact.id] : []),
    ...(contact.thirdParty ? [contact.thirdParty.callId] : []),
  ];
}

/** The legs that can be held: the customer's while on the line, the third party's once answered. */
export function holdableLegs(contact: VoiceDeskContact): Leg[] {
  return [
    ...(customerLive(contact) ? (['customer'] as const) : []),
    ...(thirdPartyConnected(contact) ? (['thirdParty'] as const) : []),
  ];
}

export function holdOf(contact: VoiceDeskContact, leg: Leg): HoldState {
  return leg === 'customer' ? contact.hold : contact.thirdParty!.hold;
}

export function setHoldOf(contact: VoiceDeskContact, leg: Leg, state: HoldState): void {
  if (leg === 'customer') contact.hold = state;
  else contact.thirdParty!.hold = state;
}

export function transferPending(contact: VoiceDeskContact): boolean {
  return contact.transfer?.state === 'pending';
}

/** Asks the engine to hold or resume one leg, through the hold table. */
export function requestHold(
  engine: EnginePort,
  contact: VoiceDeskContact,
  leg: Leg,
  hold: boolean,
): void {
  setHoldOf(contact, leg, nextHoldState(holdOf(contact, leg), hold ? 'hold' : 'resume'));
  engine.send({ type: 'hold', callId: callIdOf(contact, leg), hold });
}

/** Ends the local mix: each leg hears only the agent again. */
export function stopMix(engine: EnginePort, contact: VoiceDeskContact): void {
  if (!contact.conference) return;
  contact.conference = false;
  engine.send({ type: 'mix', callIds: [] });
}

export function removeThirdParty(engine: EnginePort, contact: VoiceDeskContact): void {
  delete contact.thirdParty;
  stopMix(engine, contact);
}

/** The customer's call is gone while the third party stays on the line with the agent. */
export function customerGone(engine: EnginePort, contact: VoiceDeskContact, end: ContactEnd): void {
  contact.customerLeft = true;
  contact.customerEnd = end;
  contact.hold = 'none';
  delete contact.remoteHold;
  stopMix(engine, contact);
}

/**
 * The call left `connected` (to ACW): whatever legs it had are gone with it. Sends no hangups;
 * whoever ended the contact did.
 */
export function releaseLegs(engine: EnginePort, contact: VoiceDeskContact): void {
  removeThirdParty(engine, contact);
  contact.hold = 'none';
  contact.muted = false;
  delete contact.remoteHold;
}
