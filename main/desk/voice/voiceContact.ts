/**
 * A call as the desk keeps it, how one is made from an offer or a dial, and how the engine's
 * report of a leg's end reads as the contact's end.
 */
import type { EngineEndedEvent, EngineEvent, Peer, VoiceContact } from '../../../common/contract';
import type { ContactEnd, ContactTimers } from '../contacts/DeskContact';
import { endCodeOf, endReasonOf } from './endCause';
import { offerDetails, type OfferHeaderNames } from './offerHeaders';

export interface VoiceDeskContact extends VoiceContact, ContactTimers {
  /**
   * How the customer leg ended while the third party stayed: the contact is about the customer,
   * so this is what the contact reports when the last leg ends later.
   */
  customerEnd?: ContactEnd;
}

/** A leg's end as the engine reported it: the SIP text always, a code when it has one. */
export interface EngineLegEnd extends ContactEnd {
  endReason: string;
}

export function legEndFromEngine(event: EngineEndedEvent): EngineLegEnd {
  const endCode = endCodeOf(event);
  return {
    endReason: endReasonOf(event),
    ...(endCode ? { endCode } : {}),
    endedBy:
      event.originator === 'remote'
        ? 'customer'
        : event.originator === 'local'
          ? 'agent'
          : 'system',
  };
}

/** What every call starts with (D3): not held, not muted. */
const FRESH_CALL = {
  channel: 'voice',
  hold: 'none',
  muted: false,
} as const satisfies Pick<VoiceContact, 'channel' | 'hold' | 'muted'>;

/** An offer: its callId becomes the contact's id, its headers say the queue and callback. */
export function offeredCall(
  event: Extract<EngineEvent, { type: 'incoming' }>,
  headerNames: OfferHeaderNames,
  now: number,
): VoiceDeskContact {
  return {
    ...FRESH_CALL,
    id: event.callId,
    direction: 'inbound',
    state: 'incoming',
    peer: { number: event.from.user, displayName: event.from.displayName },
    ...offerDetails(event.headers, headerNames),
    createdAt: now,
    stateSince: now,
    // Nothing written yet (D8): each contact gets its own details.
    details: { notes: '' },
  };
}

/** A call the agent places; `callId` is the id the engine will know it by. */
export function dialledCall(callId: string, peer: Peer, now: number): VoiceDeskContact {
  return {
    ...FRESH_CALL,
    id: callId,
    direction: 'outbound',
    state: 'dialing',
    peer,
    createdAt: now,
    stateSince: now,
    // Nothing written yet (D8): each contact gets its own details.
    details: { notes: '' },
  };
}
