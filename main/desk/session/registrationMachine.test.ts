import { describe, expect, it } from 'vitest';
import { RegistrationState } from '../../../common/contract';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';
import {
  mayRegister,
  mayUnregister,
  nextRegistrationState,
  type RegistrationEvent,
} from './registrationMachine';

const EVENTS: RegistrationEvent[] = [
  'register',
  'unregister',
  'registered',
  'unregistered',
  'failed',
  'connectionLost',
  'reset',
];

/** The server's answers and a reset lead to the same state from anywhere. */
const REPORTS = (state: string): Record<string, RegistrationState> => ({
  [`${state} registered`]: 'registered',
  [`${state} unregistered`]: 'unregistered',
  [`${state} failed`]: 'failed',
  [`${state} reset`]: 'unregistered',
});

/** Written out independently of the implementation: every legal row, and only those. */
const EXPECTED: Record<string, RegistrationState> = {
  ...REPORTS('unregistered'),
  'unregistered register': 'registering',
  'unregistered connectionLost': 'unregistered',
  ...REPORTS('registering'),
  'registering connectionLost': 'registering',
  ...REPORTS('registered'),
  'registered unregister': 'unregistering',
  'registered connectionLost': 'registering',
  ...REPORTS('unregistering'),
  'unregistering connectionLost': 'unregistering',
  ...REPORTS('failed'),
  'failed register': 'registering',
  'failed connectionLost': 'failed',
};

describe('registration transition table', () => {
  for (const state of RegistrationState.options) {
    for (const event of EVENTS) {
      const expected = EXPECTED[`${state} ${event}`];
      it(`${state} --${event}--> ${expected ?? 'illegal'}`, () => {
        if (expected) expect(nextRegistrationState(state, event)).toBe(expected);
        else expect(() => nextRegistrationState(state, event)).toThrow(IllegalTransitionError);
      });
    }
  }

  it('lets a REGISTER out only when none is under way or in force', () => {
    expect(RegistrationState.options.filter(mayRegister)).toEqual(['unregistered', 'failed']);
    expect(RegistrationState.options.filter(mayUnregister)).toEqual(['registered']);
  });
});
