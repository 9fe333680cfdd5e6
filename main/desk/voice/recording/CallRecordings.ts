/**
 * The agent's own call recordings (D9): when one starts and stops, and the file the engine's
 * chunks go into. The engine mixes the agent's microphone with every far end of the contact
 * (what the agent hears and says) and encodes it; this class names the file, writes each chunk
 * in order, follows the lifecycle table (recordingMachine) and publishes it on the contact.
 *
 * One recording per contact at a time, keyed by its own id so a late chunk of an earlier
 * recording can never land in a later file.
 */
import type { IntentResult, RecordingEvent, RecordingState } from '../../../../common/contract';
import type { Clock, DeskLogger, EnginePort } from '../../ports';
import { liveCallIds } from '../legs';
import type { VoiceDeskContact } from '../voiceContact';
import { recordingFileName } from './recordingFileName';
import type { RecordingFiles } from './RecordingFiles';
import { isRecordingLive, nextRecordingState, type RecordingEventName } from './recordingMachine';

/** What the profile says about recording (`recording` in the profile). */
export interface RecordingSettings {
  /** The agent may record calls: the Record button shows. */
  allowed: boolean;
  /** Every call is recorded from the moment it connects (needs `allowed`). */
  automatic: boolean;
}

export const NO_RECORDING: RecordingSettings = { allowed: false, automatic: false };

export interface CallRecordingsHost {
  settings(): RecordingSettings;
  /** The contact a recording belongs to, while the desk still has it. */
  contact(contactId: string): VoiceDeskContact | undefined;
  /** The recording failed: `file` keeps what was written. */
  failed(file: string): void;
  changed(): void;
}

interface Running {
  readonly contactId: string;
  readonly file: string;
  nextSeq: number;
}

export class CallRecordings {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly engine: EnginePort,
    private readonly files: RecordingFiles | undefined,
    private readonly clock: Clock,
    private readonly logger: DeskLogger,
    private readonly host: CallRecordingsHost,
  ) {}

  /** The agent pressed Record (or the profile records every call). */
  start(contact: VoiceDeskContact): IntentResult {
    if (!this.host.settings().allowed || !this.files) return { ok: false, reason: 'notPermitted' };
    if (contact.state !== 'connected') return { ok: false, reason: 'notConnected' };
    if (isRecordingLive(contact.recording?.state)) return { ok: false, reason: 'recordingActive' };
    const callIds = liveCallIds(contact);
    if (callIds.length === 0) return { ok: false, reason: 'noLiveLeg' };
    let file: string;
    try {
      const name = recordingFileName(new Date(this.clock.now()), contact.peer.number, contact.id);
      file = this.files.create(name);
    } catch (error) {
      this.logger.warn('recording: could not create the file', { error: String(error) });
      return { ok: false, reason: 'notPermitted' };
    }
    const recordingId = globalThis.crypto.randomUUID();
    this.running.set(recordingId, { contactId: contact.id, file, nextSeq: 0 });
    contact.recording = { state: 'recording', file };
    this.engine.send({ type: 'record', recordingId, callIds });
    this.logger.info('recording started', { contactId: contact.id, recordingId });
    return { ok: true };
  }

  /** The agent pressed Stop recording. */
  stop(contact: VoiceDeskContact): IntentResult {
    if (contact.recording?.state !== 'recording') return { ok: false, reason: 'notRecording' };
    this.stopRunning(contact);
    return { ok: true };
  }

  /** The call connected: recorded from the start when the profile says so. */
  connected(contact: VoiceDeskContact): void {
    const settings = this.host.settings();
    if (settings.allowed && settings.automatic && !contact.recording) this.start(contact);
  }

  /** A leg joined or left the call: the recording follows what the agent now hears. */
  legsChanged(contact: VoiceDeskContact): void {
    if (contact.recording?.state !== 'recording') return;
    const found = this.runningOf(contact.id);
    const callIds = liveCallIds(contact);
    if (found && callIds.length > 0) {
      this.engine.send({ type: 'record', recordingId: found[0], callIds });
    }
  }

  /** The contact left `connected` (to ACW or gone): its recording ends with the call. */
  left(contact: VoiceDeskContact): void {
    if (contact.recording?.state === 'recording') this.stopRunning(contact);
  }

  /** Applies the engine's report; true when a contact's recording changed. */
  handle(event: RecordingEvent): boolean {
    const running = this.running.get(event.recordingId);
    if (!running) return false;
    if (event.type === 'recording-chunk') return this.onChunk(event.recordingId, running, event);
    this.running.delete(event.recordingId);
    this.closeFile(running.file);
    const complete = event.error === undefined && event.chunks === running.nextSeq;
    if (!complete) {
      this.logger.warn('recording ended incomplete', {
        recordingId: event.recordingId,
        error: event.error,
        chunks: event.chunks,
        written: running.nextSeq,
      });
    }
    return this.move(running, complete ? 'ended' : 'failed');
  }

  private onChunk(
    recordingId: string,
    running: Running,
    chunk: Extract<RecordingEvent, { type: 'recording-chunk' }>,
  ): boolean {
    if (chunk.seq !== running.nextSeq) {
      // A lost chunk breaks the WebM stream after it: stop, keep what is whole.
      this.logger.warn('recording chunk out of order', { recordingId, seq: chunk.seq });
      return this.abandon(recordingId, running);
    }
    try {
      this.files?.append(running.file, Buffer.from(chunk.data, 'base64'));
      running.nextSeq += 1;
      return false;
    } catch (error) {
      this.logger.warn('recording: could not write', { recordingId, error: String(error) });
      return this.abandon(recordingId, running);
    }
  }

  /** Stops the engine and ends the recording as failed, the file keeping what it has. */
  private abandon(recordingId: string, running: Running): boolean {
    this.running.delete(recordingId);
    this.engine.send({ type: 'record-stop', recordingId });
    this.closeFile(running.file);
    return this.move(running, 'failed');
  }

  private stopRunning(contact: VoiceDeskContact): void {
    const found = this.runningOf(contact.id);
    contact.recording = { ...contact.recording, state: this.next(contact, 'stop') };
    if (found) this.engine.send({ type: 'record-stop', recordingId: found[0] });
  }

  private move(running: Running, event: RecordingEventName): boolean {
    const contact = this.host.contact(running.contactId);
    if (event === 'failed') this.host.failed(running.file);
    if (!contact?.recording) return event === 'failed';
    contact.recording = { state: this.next(contact, event), file: running.file };
    return true;
  }

  private next(contact: VoiceDeskContact, event: RecordingEventName): RecordingState {
    return nextRecordingState(contact.recording?.state ?? 'recording', event);
  }

  private runningOf(contactId: string): [string, Running] | undefined {
    return [...this.running].find(([, running]) => running.contactId === contactId);
  }

  private closeFile(file: string): void {
    try {
      this.files?.close(file);
    } catch (error) {
      this.logger.warn('recording: could not close the file', { error: String(error) });
    }
  }
}
