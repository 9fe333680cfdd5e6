import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../../../../common/fsm/IllegalTransitionError';
import { isRecordingLive, nextRecordingState } from './recordingMachine';

describe('recording lifecycle', () => {
  it('goes recording -> stopping -> saved when the agent stops and the engine finishes', () => {
    const stopping = nextRecordingState('recording', 'stop');
    expect(stopping).toBe('stopping');
    expect(nextRecordingState(stopping, 'ended')).toBe('saved');
  });

  it('is saved at once when the engine ends it itself (all its calls ended)', () => {
    expect(nextRecordingState('recording', 'ended')).toBe('saved');
  });

  it('fails from recording or stopping', () => {
    expect(nextRecordingState('recording', 'failed')).toBe('failed');
    expect(nextRecordingState('stopping', 'failed')).toBe('failed');
  });

  it('refuses a second stop and anything after saved or failed', () => {
    expect(() => nextRecordingState('stopping', 'stop')).toThrow(IllegalTransitionError);
    expect(() => nextRecordingState('saved', 'stop')).toThrow(IllegalTransitionError);
    expect(() => nextRecordingState('saved', 'ended')).toThrow(IllegalTransitionError);
    expect(() => nextRecordingState('failed', 'ended')).toThrow(IllegalTransitionError);
  });

  it('counts recording and stopping as live, saved, failed and none as not', () => {
    expect(isRecordingLive('recording')).toBe(true);
    expect(isRecordingLive('stopping')).toBe(true);
    expect(isRecordingLive('saved')).toBe(false);
    expect(isRecordingLive('failed')).toBe(false);
    expect(isRecordingLive(undefined)).toBe(false);
  });
});
