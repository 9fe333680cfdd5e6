/**
 * What an intent that names no contact means, read once off the desk's contacts: which offer
 * "answer" takes, which call "hang up", "toggle mute" and "toggle hold" act on, and which way
 * a toggle goes. A headset button, a tray item or a shortcut knows nothing of contact ids; the
 * answer must be the same whichever of them asks.
 */
import type { Contact, LegSelector, RefusalReason, VoiceContact } from '../../common/contract';
import { wantsHeld } from '../desk/voice/holdMachine';
import { holdableLegs, holdOf } from '../desk/voice/legs';

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: RefusalReason };

/** States in which a call holds the line: placing it, picking it up, talking. */
const ACTIVE_CALL_STATES: ReadonlySet<Contact['state']> = new Set([
  'dialing',
  'accepting',
  'connected',
]);

/** The offer "answer" (or "reject") takes: the one ringing, the oldest if there ever are more. */
export function ringingOffer(contacts: readonly Contact[]): Resolved<Contact> {
  const offer = contacts
    .filter((contact) => contact.state === 'incoming')
    .sort((a, b) => a.createdAt - b.createdAt)[0];
  return offer ? { ok: true, value: offer } : { ok: false, reason: 'noOffer' };
}

/** The call "hang up", "toggle mute" and "toggle hold" act on: the one holding the line. */
export function activeCall(contacts: readonly Contact[]): Resolved<VoiceContact> {
  const call = contacts.find(
    (contact): contact is VoiceContact =>
      contact.channel === 'voice' && ACTIVE_CALL_STATES.has(contact.state),
  );
  return call ? { ok: true, value: call } : { ok: false, reason: 'noActiveCall' };
}

/** Mute toggles the agent's microphone on the whole call. */
export function toggledMute(call: VoiceContact): boolean {
  return !call.muted;
}

/**
 * Hold toggles every party on the line together: all of them held (or being held) resume,
 * otherwise all of them go on hold. With only the customer on the line that is the customer.
 */
export function toggledHold(call: VoiceContact): { leg: LegSelector; hold: boolean } {
  const legs = holdableLegs(call);
  const allHeld = legs.length > 0 && legs.every((leg) => wantsHeld(holdOf(call, leg)));
  return { leg: 'all', hold: !allHeld };
}

/**
 * What a headset's Flash means on this call: during a consult (the third party answered, not
 * joined) it swaps between the two parties, as a desk phone's flash does; otherwise it toggles
 * hold.
 */
export function flashIntent(call: VoiceContact): 'swap' | 'toggleHold' {
  const consulting = call.thirdParty?.state === 'connected' && call.conference !== true;
  return consulting && call.customerLeft !== true ? 'swap' : 'toggleHold';
}

/**
 * The leg a hook put on-hook ends: the third party's while consulting them (the customer stays
 * on hold, as on a desk phone), the whole call otherwise (one party, or a conference).
 */
export function legHungUp(call: VoiceContact): 'thirdParty' | 'all' {
  return call.thirdParty && call.conference !== true && call.customerLeft !== true
    ? 'thirdParty'
    : 'all';
}
