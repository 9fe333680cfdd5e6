/**
 * The life of one chat contact, as a transition table (E1, E2).
 *
 * A chat has no media to set up: Accept connects at once (the held MESSAGE is answered 200).
 * Only the agent ends a chat (SIP MESSAGE has no "hang up"); the customer's silence is not an
 * end. An offer whose held MESSAGE the engine lost (it restarted) leaves the desk unanswered:
 * the proxy's transaction times out and it hunts on. States a chat never reaches (`accepting`,
 * `dialing`, `failed`) have empty rows, so any event there is illegal.
 */
import type { ContactState } from '../../../common/contract';
import { transition } from '../../../common/fsm/transitionTable';
import type { ContactEvent, ContactTarget } from '../contacts/contactMachine';

export const chatTransitions: Readonly<
  Record<ContactState, Partial<Record<ContactEvent, ContactTarget>>>
> = {
  incoming: {
    accept: 'connected',
    // Refused before the agent took it: the server offers it elsewhere, nothing to wrap up.
    reject: 'removed',
    failed: 'removed',
    // Rang out: stays as a missed tab until cleared (the server hunts the next agent).
    ringTimeout: 'missed',
  },
  accepting: {},
  dialing: {},
  connected: {
    end: 'acw',
  },
  acw: {
    clear: 'removed',
  },
  missed: {
    clear: 'removed',
  },
  failed: {},
};

export function nextChatState(from: ContactState, event: ContactEvent): ContactTarget {
  return transition('chat', chatTransitions, from, event);
}
