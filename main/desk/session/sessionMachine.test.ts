import { describe, expect, it } from 'vitest';
import { SessionPhase } from '../../../common/contract';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import { nextSessionPhase, type SessionEvent } from './sessionMachine';

const EVENTS: SessionEvent[] = ['signIn', 'registered', 'signInFailed', 'signOut'];
const EXPECTED: Record<string, string> = {
  'signedOut signIn': 'signingIn',
  'signingIn registered': 'signedIn',
  'signingIn signInFailed': 'signedOut',
  'signingIn signOut': 'signedOut',
  'signedIn signOut': 'signedOut',
};

describe('session transition table', () => {
  for (const phase of SessionPhase.options) {
    for (const event of EVENTS) {
      const expected = EXPECTED[`${phase} ${event}`];
      it(`${phase} --${event}--> ${expected ?? 'illegal'}`, () => {
        if (expected) expect(nextSessionPhase(phase, event)).toBe(expected);
        else expect(() => nextSessionPhase(phase, event)).toThrow(IllegalTransitionError);
      });
    }
  }
});
