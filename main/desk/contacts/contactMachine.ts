/**
 * The life of one voice contact, as a transition table.
 *
 * Events come from the agent (accept, reject, end, clear), from the engine (confirmed,
 * remoteEnded, failed) and from the desk's timers (ringTimeout). Engine events may arrive late,
 * after the agent already moved the contact on (the far side's BYE after our own hang-up), so
 * such rows map a state onto itself on purpose; everything not listed is illegal.
 */
import type { ContactState } from '../../../common/contract';
import { transition } from '../../../common/fsm/transitionTable';

export type ContactEvent =
  'accept' | 'reject' | 'ringTimeout' | 'confirmed' | 'end' | 'remoteEnded' | 'failed' | 'clear';

/** `removed` means the contact leaves the desk (nothing left to wrap up). */
export type ContactTarget = ContactState | 'removed';

export const contactTransitions: Readonly<
  Record<ContactState, Partial<Record<ContactEvent, ContactTarget>>>
> = {
  incoming: {
    accept: 'accepting',
    // Rejected or abandoned before the agent took it: nothing to wrap up.
    reject: 'removed',
    remoteEnded: 'removed',
    failed: 'removed',
    ringTimeout: 'missed',
  },
  accepting: {
    confirmed: 'connected',
    end: 'acw',
    remoteEnded: 'acw',
    failed: 'acw',
  },
  dialing: {
    confirmed: 'connected',
    // The agent gave up before the customer answered: still a contact attempt to wrap up.
    end: 'acw',
    failed: 'failed',
    remoteEnded: 'failed',
  },
  connected: {
    end: 'acw',
    remoteEnded: 'acw',
    failed: 'acw',
  },
  acw: {
    clear: 'removed',
    remoteEnded: 'acw',
    failed: 'acw',
  },
  missed: {
    clear: 'removed',
    // The caller hangs up after we released the offer.
    remoteEnded: 'missed',
    failed: 'missed',
  },
  failed: {
    clear: 'removed',
    remoteEnded: 'failed',
    failed: 'failed',
  },
};

export function nextContactState(from: ContactState, event: ContactEvent): ContactTarget {
  return transition('contact', contactTransitions, from, event);
}

/**
 * States in which the contact still needs the agent (ringing, being answered, dialling, on the
 * call): sign-out is refused, and an engine restart fails the contact. Whether a new offer
 * rings is capacity's decision, which counts every contact on the desk, these or not.
 */
export function isActiveContactState(state: ContactState): boolean {
  return state !== 'acw' && state !== 'missed' && state !== 'failed';
}
