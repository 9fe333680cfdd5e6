/**
 * The lifecycle of one call recording (D9) as a table. A recording starts in `recording` (the
 * engine was told to record); stopping it waits for the engine's last chunk; the engine's
 * `recording-ended` closes the file. A failure of the engine or the disk ends it as `failed`,
 * the file keeping what was written. Nothing leaves `saved` or `failed`: recording again makes
 * a new recording and a new file.
 */
import type { RecordingState } from '../../../../common/contract';
import { transition, type TransitionTable } from '../../../../common/fsm/transitionTable';

export type RecordingEventName =
  /** The agent pressed Stop, or the call left the agent (ended, transferred away). */
  | 'stop'
  /** The engine sent its last chunk and every chunk reached the file. */
  | 'ended'
  /** The engine could not record, a chunk came out of order, or the file could not be written. */
  | 'failed';

const TABLE: TransitionTable<RecordingState, RecordingEventName> = {
  recording: { stop: 'stopping', ended: 'saved', failed: 'failed' },
  stopping: { ended: 'saved', failed: 'failed' },
  saved: {},
  failed: {},
};

export function nextRecordingState(
  from: RecordingState,
  event: RecordingEventName,
): RecordingState {
  return transition('recording', TABLE, from, event);
}

/** Still taking audio or finishing the file: a second recording of the call may not start. */
export function isRecordingLive(state: RecordingState | undefined): boolean {
  return state === 'recording' || state === 'stopping';
}
