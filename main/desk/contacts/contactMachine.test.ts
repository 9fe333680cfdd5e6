import { describe, expect, it } from 'vitest';
import { ContactState } from '../../../common/contract';
import {
  contactTransitions,
  isActiveContactState,
  nextContactState,
  type ContactEvent,
} from './contactMachine';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';

const EVENTS: ContactEvent[] = [
  'accept',
  'reject',
  'ringTimeout',
  'confirmed',
  'end',
  'remoteEnded',
  'failed',
  'clear',
];

/** Written out independently of the implementation: every legal row, and only those. */
const EXPECTED: Record<string, string> = {
  'incoming accept': 'accepting',
  'incoming reject': 'removed',
  'incoming remoteEnded': 'removed',
  'incoming failed': 'removed',
  'incoming ringTimeout': 'missed',
  'accepting confirmed': 'connected',
  'accepting end': 'acw',
  'accepting remoteEnded': 'acw',
  'accepting failed': 'acw',
  'dialing confirmed': 'connected',
  'dialing end': 'acw',
  'dialing failed': 'failed',
  'dialing remoteEnded': 'failed',
  'connected end': 'acw',
  'connected remoteEnded': 'acw',
  'connected failed': 'acw',
  'acw clear': 'removed',
  'acw remoteEnded': 'acw',
  'acw failed': 'acw',
  'missed clear': 'removed',
  'missed remoteEnded': 'missed',
  'missed failed': 'missed',
  'failed clear': 'removed',
  'failed remoteEnded': 'failed',
  'failed failed': 'failed',
};

describe('contact transition table', () => {
  for (const state of ContactState.options) {
    for (const event of EVENTS) {
      const expected = EXPECTED[`${state} ${event}`];
      if (expected) {
        it(`${state} --${event}--> ${expected}`, () => {
          expect(nextContactState(state, event)).toBe(expected);
        });
      } else {
        it(`${state} --${event}--> illegal`, () => {
          expect(() => nextContactState(state, event)).toThrow(IllegalTransitionError);
        });
      }
    }
  }

  it('lists no row the test does not know about', () => {
    const rows = Object.entries(contactTransitions).flatMap(([state, events]) =>
      Object.keys(events).map((event) => `${state} ${event}`),
    );
    expect(rows.sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe('isActiveContactState', () => {
  it('is true exactly while the contact still needs the agent: ringing, answering, dialling, on the call', () => {
    const active = ContactState.options.filter(isActiveContactState);
    expect(active).toEqual(['incoming', 'accepting', 'dialing', 'connected']);
  });
});
