/**
 * The agent's phone line at the SIP server (RegistrationState), as a transition table.
 *
 * The desk asks (register, unregister), the server answers (registered, unregistered, failed),
 * and the connection underneath can drop (connectionLost: JsSIP reconnects and re-registers by
 * itself) or be made anew without a registration (reset: sign-out, a failed sign-in, an engine
 * reload). The server's answers are believed from any state, late ones included: they say what
 * the line is. The desk's own requests are listed only where they make sense, and the table is
 * what `mayRegister` and `mayUnregister` read, so no REGISTER goes out twice.
 */
import type { RegistrationState } from '../../../common/contract';
import { transition, type TransitionTable } from '../../../common/fsm/transitionTable';

export type RegistrationEvent =
  'register' | 'unregister' | 'registered' | 'unregistered' | 'failed' | 'connectionLost' | 'reset';

/** What the server said, from whatever state the desk thought the line was in. */
const SERVER_REPORTS = {
  registered: 'registered',
  unregistered: 'unregistered',
  failed: 'failed',
  reset: 'unregistered',
} as const;

export const registrationTransitions: TransitionTable<RegistrationState, RegistrationEvent> = {
  unregistered: { ...SERVER_REPORTS, register: 'registering', connectionLost: 'unregistered' },
  registering: { ...SERVER_REPORTS, connectionLost: 'registering' },
  // Routing stops at once: the agent must see it while JsSIP reconnects.
  registered: { ...SERVER_REPORTS, unregister: 'unregistering', connectionLost: 'registering' },
  unregistering: { ...SERVER_REPORTS, connectionLost: 'unregistering' },
  failed: { ...SERVER_REPORTS, register: 'registering', connectionLost: 'failed' },
};

export function nextRegistrationState(
  from: RegistrationState,
  event: RegistrationEvent,
): RegistrationState {
  return transition('registration', registrationTransitions, from, event);
}

/** A REGISTER may go out: the line is not registered and none is under way. */
export function mayRegister(state: RegistrationState): boolean {
  return registrationTransitions[state].register !== undefined;
}

/** An un-REGISTER may go out: the line is registered. */
export function mayUnregister(state: RegistrationState): boolean {
  return registrationTransitions[state].unregister !== undefined;
}
