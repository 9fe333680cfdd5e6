/**
 * One JsSIP session serving a call, with what hangs off it: its peer connection, the element
 * playing its far end, and once confirmed its hold negotiator and quality monitor. A call may
 * move to another session (a REFER we followed, an INVITE with Replaces); the old one is
 * retired and no longer speaks for the call.
 */
import type { RTCSession, TerminateOptions } from 'jssip/lib/RTCSession';
import { mediaErrorText } from './describeFailure';
import { dtmfTone } from '../dtmf/dtmfTone';
import { HoldNegotiator, type HoldReport } from './HoldNegotiator';
import { holdPortFor } from './holdPort';
import { leaveSendersToEngine } from './jssipInternals';
import type { OutgoingAudio } from '../audio/OutgoingAudio';
import { QualityMonitor } from '../quality/QualityMonitor';
import type { QualityFigures } from '../quality/QualityReportGate';
import { RemoteAudio } from '../audio/RemoteAudio';

/** What a confirmed session reports about itself; the engine adds the callId. */
export type CallSessionReport =
  | HoldReport
  | ({ type: 'quality' } & QualityFigures)
  | { type: 'dtmf'; tone: string; originator: 'local'; via: 'rfc4733' };

/** How the session came to serve the call. */
export type SessionOrigin = 'call' | 'refer' | 'replaces';

export class CallSession {
  session: RTCSession | undefined;
  connection: RTCPeerConnection | undefined;
  remoteAudio: RemoteAudio | undefined;
  hold: HoldNegotiator | undefined;
  quality: QualityMonitor | undefined;
  /** Confirmed once: its media is set up and main was told. */
  confirmed = false;
  ended = false;
  /**
   * The last WebRTC or microphone error JsSIP reported for this session. JsSIP only says
   * 'WebRTC Error' or 'Bad Media Description' when it fails the call; this is the why.
   */
  mediaError: string | undefined;

  constructor(readonly origin: SessionOrigin = 'call') {}

  attach(session: RTCSession): void {
    this.session = session;
    leaveSendersToEngine(session);
  }

  recordMediaError(error: unknown): void {
    this.mediaError = mediaErrorText(error);
  }

  /** JsSIP created the session's peer connection. */
  connect(connection: RTCPeerConnection): void {
    if (this.connection) return;
    this.connection = connection;
    this.remoteAudio = new RemoteAudio(connection);
  }

  /** The connection was given up before it served (a prepared answer that failed). */
  disconnect(): void {
    this.remoteAudio?.dispose();
    this.remoteAudio = undefined;
    this.connection = undefined;
  }

  /**
   * The session is confirmed and serves the call: its audio goes out through the call's
   * OutgoingAudio, hold is negotiated, quality sampled, and RFC 4733 digits are reported as
   * they start playing out (INFO ones come as JsSIP newDTMF events).
   */
  startMedia(audio: OutgoingAudio, report: (event: CallSessionReport) => void): void {
    const { session, connection } = this;
    if (!session || !connection) return;
    audio.attach(connection);
    this.hold = new HoldNegotiator(holdPortFor(session, audio), report);
    this.quality = new QualityMonitor(connection, (figures) =>
      report({ type: 'quality', ...figures }),
    );
    this.quality.start();
    audio.audioSender()?.dtmf?.addEventListener('tonechange', (event) => {
      const tone = dtmfTone(event.tone);
      if (tone) report({ type: 'dtmf', tone, originator: 'local', via: 'rfc4733' });
    });
  }

  /** No longer serves the call: stop its timers and its sound. */
  retire(): void {
    this.quality?.stop();
    this.quality = undefined;
    this.hold?.close();
    this.hold = undefined;
    this.remoteAudio?.dispose();
  }

  /** A retired session may linger until the far end hangs up; it must not carry our voice. */
  silence(): void {
    for (const sender of this.connection?.getSenders() ?? []) {
      if (sender.track) sender.replaceTrack(null).catch(() => undefined);
    }
  }

  terminate(options?: TerminateOptions): void {
    const session = this.session;
    if (!session || session.isEnded()) return;
    try {
      session.terminate(options);
    } catch {
      // Already terminating: JsSIP reports its end on its own.
    }
  }
}
