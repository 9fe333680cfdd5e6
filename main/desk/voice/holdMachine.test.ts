import { describe, expect, it } from 'vitest';
import { HoldState } from '../../../common/contract';
import {
  holdReport,
  holdTransitions,
  nextHoldState,
  wantsHeld,
  type HoldEvent,
} from './holdMachine';
import { IllegalTransitionError } from '../../../common/fsm/IllegalTransitionError';

const EVENTS: HoldEvent[] = [
  'hold',
  'resume',
  'confirmedHeld',
  'confirmedResumed',
  'failedHeld',
  'failedResumed',
];

/** Written out independently of the implementation: every legal row, and only those. */
const EXPECTED: Record<string, HoldState> = {
  'none hold': 'holding',
  'none confirmedResumed': 'none',
  'none confirmedHeld': 'held',
  'none failedHeld': 'held',
  'none failedResumed': 'none',
  'holding resume': 'resuming',
  'holding confirmedHeld': 'held',
  'holding confirmedResumed': 'holding',
  'holding failedHeld': 'held',
  'holding failedResumed': 'none',
  'held resume': 'resuming',
  'held confirmedHeld': 'held',
  'held confirmedResumed': 'none',
  'held failedHeld': 'held',
  'held failedResumed': 'none',
  'resuming hold': 'holding',
  'resuming confirmedResumed': 'none',
  'resuming confirmedHeld': 'resuming',
  'resuming failedHeld': 'held',
  'resuming failedResumed': 'none',
};

describe('hold transitions', () => {
  for (const from of HoldState.options) {
    for (const event of EVENTS) {
      const key = `${from} ${event}`;
      const expected = EXPECTED[key];
      if (expected) {
        it(`${key} -> ${expected}`, () => expect(nextHoldState(from, event)).toBe(expected));
      } else {
        // The error names the hold machine, so a log line says which table refused.
        it(`${key} is illegal`, () =>
          expect(() => nextHoldState(from, event)).toThrow(
            new IllegalTransitionError('hold', from, event),
          ));
      }
    }
  }

  it('lists exactly the expected rows', () => {
    const rows = Object.entries(holdTransitions).flatMap(([from, events]) =>
      Object.keys(events).map((event) => `${from} ${event}`),
    );
    expect(rows.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('refuses exactly the agent requests that make no sense', () => {
    const illegal = HoldState.options.flatMap((from) =>
      (['hold', 'resume'] as const)
        .filter((event) => holdTransitions[from][event] === undefined)
        .map((event) => `${from} ${event}`),
    );
    expect(illegal.sort()).toEqual(['held hold', 'holding hold', 'none resume', 'resuming resume']);
  });

  it('never refuses an engine report: the media is what it is', () => {
    for (const from of HoldState.options) {
      for (const report of [
        holdReport(true, false),
        holdReport(false, false),
        holdReport(true, true),
        holdReport(false, true),
      ]) {
        expect(() => nextHoldState(from, report)).not.toThrow();
      }
    }
  });

  it('converges on the last wish through hold, resume and the two late answers', () => {
    let state: HoldState = 'none';
    state = nextHoldState(state, 'hold');
    state = nextHoldState(state, 'resume');
    state = nextHoldState(state, holdReport(true, false));
    expect(state).toBe('resuming');
    state = nextHoldState(state, holdReport(false, false));
    expect(state).toBe('none');
  });

  it('says which states mean the agent wants the leg held', () => {
    expect(HoldState.options.filter(wantsHeld)).toEqual(['holding', 'held']);
  });
});
