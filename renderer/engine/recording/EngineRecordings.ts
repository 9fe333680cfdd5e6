/**
 * The engine's running call recordings (D9), by the id main gave each. Main decides when a
 * recording starts and stops and which calls it covers; the engine only mixes and encodes.
 * Every recording ends with `recording-ended`, whatever ended it: main's stop, or the last of
 * its calls ending (the engine then stops on its own so no chunk is lost).
 */
import type { EngineEvent } from '../../../common/contract';
import { CallRecorder, type RecordableCall } from './CallRecorder';

type Report = (event: EngineEvent) => void;

export class EngineRecordings {
  private readonly recorders = new Map<string, CallRecorder>();
  private context: AudioContext | undefined;

  constructor(
    private readonly report: Report,
    /** The live call by id; undefined once it ended. */
    private readonly call: (callId: string) => RecordableCall | undefined,
  ) {}

  /** Start recording these calls, or go on with this new set. */
  record(recordingId: string, callIds: readonly string[]): void {
    const calls = callIds.flatMap((id) => this.call(id) ?? []);
    if (calls.length === 0) throw new Error(`no live call to record: ${callIds.join(', ')}`);
    let recorder = this.recorders.get(recordingId);
    if (!recorder) {
      this.context ??= new AudioContext();
      recorder = new CallRecorder(this.context, {
        chunk: (seq, data) => this.report({ type: 'recording-chunk', recordingId, seq, data }),
        ended: (chunks, error) => {
          this.recorders.delete(recordingId);
          this.report({
            type: 'recording-ended',
            recordingId,
            chunks,
            ...(error !== undefined ? { error: error.slice(0, 256) } : {}),
          });
        },
      });
      this.recorders.set(recordingId, recorder);
    }
    recorder.record(calls);
  }

  /** Unknown ids are fine: the recording ended with its last call while main's stop was on its way. */
  stop(recordingId: string): void {
    this.recorders.get(recordingId)?.stop();
  }

  /** A call's media changed (its far end's track arrived, the microphone was switched). */
  refresh(callId: string): void {
    for (const recorder of this.recorders.values()) if (recorder.covers(callId)) recorder.refresh();
  }

  callEnded(callId: string): void {
    for (const recorder of [...this.recorders.values()]) {
      if (recorder.covers(callId)) recorder.remove(callId);
    }
  }

  stopAll(): void {
    for (const recorder of [...this.recorders.values()]) recorder.stop();
  }
}
