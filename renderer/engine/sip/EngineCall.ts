/**
 * Everything the engine keeps about one call, under the callId main knows it by, across the
 * sessions that may serve it in turn.
 */
import { CallSession } from './CallSession';
import { MICROPHONE_CONSTRAINTS, type MicrophoneSource } from '../audio/microphone';
import type { MixedCall } from '../audio/LocalMix';
import { OutgoingAudio } from '../audio/OutgoingAudio';
import type { RequestOffer } from './referRequest';
import type { PendingReplaces } from './replacesRequest';
import type { PreparedAnswer } from './PreparedAnswer';

/** A REFER from the far end waiting for main's `refer-answer`. */
export type PendingRefer = Pick<RequestOffer, 'accept' | 'reject'>;

/** How a session that served the call ended, kept while a replacement may still save it. */
export interface SessionEnd {
  readonly failed: boolean;
  readonly originator: string;
  readonly cause?: string;
  readonly message?: unknown;
  /** The session that ended: its media error is read when the end is reported. */
  readonly part?: CallSession;
  /** A media error the engine itself met (its own microphone), no session involved. */
  readonly mediaError?: string;
}

export class EngineCall {
  readonly audio = new OutgoingAudio();
  /** The session serving the call. */
  current = new CallSession();
  /** A session being set up to take over (a followed REFER, an INVITE with Replaces). */
  pending: CallSession | undefined;
  /** Sessions that served the call before; they may linger until the far end hangs up. */
  readonly retired: CallSession[] = [];
  /** The current session ended while a replacement was under way; the call waits for it. */
  orphanedBy: SessionEnd | undefined;
  referRequest: PendingRefer | undefined;
  /** An INVITE with Replaces for this call, waiting for main's `replaces-answer`. */
  replacesRequest: PendingReplaces | undefined;
  /** The SDP of the far end's INVITE, for an incoming call: checked before answering. */
  offerSdp: string | undefined;
  /** The answer to an incoming call, made while it rings (PreparedAnswer.ts). */
  preparedAnswer: PreparedAnswer | undefined;
  /** Main said answer: an answer already being prepared is used, none is started after. */
  answering = false;
  ended = false;
  private microphone: Promise<MediaStream> | undefined;

  constructor(readonly id: string) {}

  /** The call as a mix reads it (recording, listen-in, conference), following its sessions. */
  asMixed(): MixedCall {
    return {
      id: this.id,
      microphone: () => this.audio.microphoneTrack,
      remoteStream: () => this.current.remoteAudio?.stream,
    };
  }

  /** Opens the microphone once per call; every session of the call sends it. */
  openMicrophone(source: MicrophoneSource): Promise<MediaStream> {
    if (!this.microphone) {
      const opening = source.getUserMedia(MICROPHONE_CONSTRAINTS);
      this.microphone = opening;
      opening.then(
        (stream) => {
          if (this.ended) stream.getTracks().forEach((track) => track.stop());
          else this.audio.setMicrophone(stream.getAudioTracks()[0]);
        },
        () => undefined,
      );
    }
    return this.microphone;
  }

  /**
   * Sends from a newly opened microphone (another device was chosen): the sender's track is
   * replaced, so the far end hears the new device with no re-INVITE. False when the call had
   * no microphone open yet (it opens the chosen one when it does) or ended meanwhile.
   */
  async reopenMicrophone(source: MicrophoneSource): Promise<boolean> {
    const previous = this.microphone;
    if (!previous || this.ended) return false;
    const opening = source.getUserMedia(MICROPHONE_CONSTRAINTS);
    const stream = await opening;
    if (this.ended || this.microphone !== previous) {
      stream.getTracks().forEach((track) => track.stop());
      return false;
    }
    this.microphone = opening;
    this.audio.setMicrophone(stream.getAudioTracks()[0]);
    void previous.then(
      (old) => old.getTracks().forEach((track) => track.stop()),
      () => undefined,
    );
    return true;
  }

  closeMicrophone(): void {
    void this.microphone?.then(
      (stream) => stream.getTracks().forEach((track) => track.stop()),
      () => undefined,
    );
  }

  sessions(): CallSession[] {
    return [this.current, ...(this.pending ? [this.pending] : []), ...this.retired];
  }
}
