/**
 * Call recording (D9): what the desk shows about a contact's recording, and the engine's
 * recording commands and events. The engine mixes and encodes; main writes the file and
 * decides when a recording starts and stops.
 */
import { z } from 'zod';
import { Id, RemoteText } from './primitives';

/**
 * Where a recording stands. `stopping`: the engine was told to stop and its last chunks are on
 * their way; `saved`: the file is complete; `failed`: the engine or the disk could not finish.
 */
export const RecordingState = z.enum(['recording', 'stopping', 'saved', 'failed']);
export type RecordingState = z.infer<typeof RecordingState>;

/** A contact's recording as the UI shows it: the indicator, and the file once written. */
export const ContactRecording = z.object({
  state: RecordingState,
  /** The file's full path on this machine, so the agent can find it. */
  file: z.string().max(4096).optional(),
});
export type ContactRecording = z.infer<typeof ContactRecording>;

/**
 * One encoded chunk crosses the IPC at most this big (base64 of about 1 s of Opus is a few
 * kilobytes; the bound stops a broken or hostile engine page from flooding main's memory).
 */
export const MAX_RECORDING_CHUNK_BASE64 = 512 * 1024;

export const RecordingCommand = z.discriminatedUnion('type', [
  /**
   * Record (or go on recording, with a new set of calls) what the agent hears and says on
   * these calls: the agent's microphone mixed with every far end. Sent again with the new set
   * when a leg joins or leaves; the file goes on.
   */
  z.object({
    type: z.literal('record'),
    recordingId: Id,
    callIds: z.array(Id).min(1).max(8),
  }),
  /** Stop: the last chunk follows, then `recording-ended`. */
  z.object({ type: z.literal('record-stop'), recordingId: Id }),
]);

export const RecordingEvent = z.discriminatedUnion('type', [
  /** Encoded audio (Opus in WebM), in order from seq 0; the first one carries the header. */
  z.object({
    type: z.literal('recording-chunk'),
    recordingId: Id,
    seq: z.number().int().nonnegative(),
    data: z
      .string()
      .max(MAX_RECORDING_CHUNK_BASE64)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  /** No more chunks: `chunks` were sent; `error` when the engine could not record. */
  z.object({
    type: z.literal('recording-ended'),
    recordingId: Id,
    chunks: z.number().int().nonnegative(),
    error: RemoteText.optional(),
  }),
]);
export type RecordingEvent = z.infer<typeof RecordingEvent>;
