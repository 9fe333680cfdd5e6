/**
 * How the engine reports a call's end to main: the `ended` event built from how its session
 * ended, and the end the engine itself causes when the agent's microphone cannot be opened.
 */
import { MICROPHONE_UNAVAILABLE_CAUSE, type EngineEndedEvent } from '../../../common/contract';
import { bounded, failureStatusOf, mediaErrorText } from './describeFailure';
import type { SessionEnd } from './EngineCall';

/** The `ended` event for a call, without its media error (read a moment later). */
export function endedEvent(callId: string, end: SessionEnd): EngineEndedEvent {
  const statusCode = failureStatusOf(end.message);
  return {
    type: 'ended',
    callId,
    originator:
      end.originator === 'local' || end.originator === 'remote' ? end.originator : 'system',
    cause: bounded(end.cause ?? 'Ended'),
    failed: end.failed,
    ...(statusCode !== undefined ? { statusCode } : {}),
  };
}

/** How a call ends when the engine cannot open the agent's microphone for it. */
export function microphoneEnd(error: unknown): SessionEnd {
  return {
    failed: true,
    originator: 'system',
    cause: MICROPHONE_UNAVAILABLE_CAUSE,
    mediaError: mediaErrorText(error),
  };
}
