/**
 * The agent's hold on one call leg (D3, D6), as a transition table.
 *
 * The agent asks (hold, resume); the engine answers with what the media now is (confirmedHeld,
 * confirmedResumed) or with a failure that names the state the call stayed in (failedHeld,
 * failedResumed). The engine gets every command and converges on the last one wanted, so a
 * confirmation of the opposite of what is now wanted (the first re-INVITE of hold-then-resume)
 * leaves the pending state alone: the next confirmation follows.
 *
 * Agent requests that make no sense (resume a call that is not held, hold one already held or
 * being held) are illegal and throw. The engine's reports are never refused: they say what the
 * media is, and the desk must not lose track of a held customer because a report came late.
 */
import type { HoldState } from '../../../common/contract';
import { transition } from '../../../common/fsm/transitionTable';

export type HoldEvent =
  'hold' | 'resume' | 'confirmedHeld' | 'confirmedResumed' | 'failedHeld' | 'failedResumed';

export const holdTransitions: Readonly<Record<HoldState, Partial<Record<HoldEvent, HoldState>>>> = {
  none: {
    hold: 'holding',
    // A late duplicate of the resume that brought us here.
    confirmedResumed: 'none',
    // The engine says the call is held without being asked: believe the media.
    confirmedHeld: 'held',
    failedHeld: 'held',
    failedResumed: 'none',
  },
  holding: {
    // Changed their mind before the re-INVITE was answered.
    resume: 'resuming',
    confirmedHeld: 'held',
    // The answer to an earlier resume; the engine goes on to hold.
    confirmedResumed: 'holding',
    failedHeld: 'held',
    failedResumed: 'none',
  },
  held: {
    resume: 'resuming',
    confirmedHeld: 'held',
    confirmedResumed: 'none',
    failedHeld: 'held',
    failedResumed: 'none',
  },
  resuming: {
    hold: 'holding',
    confirmedResumed: 'none',
    // The answer to an earlier hold; the engine goes on to resume.
    confirmedHeld: 'resuming',
    failedHeld: 'held',
    failedResumed: 'none',
  },
};

export function nextHoldState(from: HoldState, event: HoldEvent): HoldState {
  return transition('hold', holdTransitions, from, event);
}

/** The engine's hold report as a table event. */
export function holdReport(held: boolean, failed: boolean): HoldEvent {
  if (failed) return held ? 'failedHeld' : 'failedResumed';
  return held ? 'confirmedHeld' : 'confirmedResumed';
}

/** Whether the agent wants this leg held (its state is, or is moving to, held). */
export function wantsHeld(state: HoldState): boolean {
  return state === 'holding' || state === 'held';
}
