/**
 * A contact as the desk keeps it: the contract's Contact plus what only the desk needs (its
 * timers, and how the customer leg ended while a third party stayed on the line).
 */
import type { Contact, ContactEndCode } from '../../common/contract';
import { endCodeOf, endReasonOf, type EndedEvent } from './endCause';
import type { OfferTimer } from './OfferTimer';
import type { TimerHandle } from './ports';

/** Who ended a call leg and why, in SIP terms and, when it has one, as a code. */
export interface LegEnd {
  endedBy: NonNullable<Contact['endedBy']>;
  endReason: string;
  endCode?: ContactEndCode;
}

export interface DeskContact extends Contact {
  offerTimer?: OfferTimer;
  acwTimer?: TimerHandle;
  /**
   * How the customer leg ended while the third party stayed: the contact is about the customer,
   * so this is what the contact reports when the last leg ends later.
   */
  customerEnd?: LegEnd;
}

/** The contact as the renderers see it, without the desk's own bookkeeping. */
export function publicContact(contact: DeskContact): Contact {
  const { offerTimer: _offer, acwTimer: _acw, customerEnd: _end, ...visible } = contact;
  return visible;
}

/** The end of a leg as the engine reported it. */
export function legEndFromEngine(event: EndedEvent): LegEnd {
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

/** What every contact starts with (D3, D8): not held, not muted, nothing written yet. */
export const FRESH_CONTACT_FIELDS = {
  hold: 'none',
  muted: false,
} as const satisfies Pick<Contact, 'hold' | 'muted'>;
