/**
 * Signed-out / signing-in / signed-in, as a transition table. Sign-out from signingIn is the
 * agent cancelling a sign-in that hangs on an unreachable server.
 */
import type { SessionPhase } from '../../../common/contract';
import { transition } from '../../../common/fsm/transitionTable';

export type SessionEvent = 'signIn' | 'registered' | 'signInFailed' | 'signOut';

export const sessionTransitions: Readonly<
  Record<SessionPhase, Partial<Record<SessionEvent, SessionPhase>>>
> = {
  signedOut: { signIn: 'signingIn' },
  signingIn: { registered: 'signedIn', signInFailed: 'signedOut', signOut: 'signedOut' },
  signedIn: { signOut: 'signedOut' },
};

export function nextSessionPhase(from: SessionPhase, event: SessionEvent): SessionPhase {
  return transition('session', sessionTransitions, from, event);
}
