/**
 * Transfers (D6) at the engine level: the REFERs we send (blind, and attended with Replaces),
 * the REFER the far end sends us (followed once main agrees), and the INVITE with Replaces that
 * makes us the transfer target. A session that takes a call over keeps the call's callId; the
 * engine promotes it once it is up (SipEngine.promote).
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { EngineEvent } from '../../../common/contract';
import { CallSession } from './CallSession';
import { bounded } from './describeFailure';
import type { EngineCall } from './EngineCall';
import { microphoneFailure, type MicrophoneSource } from '../audio/microphone';
import { referTargetOf, type RequestOffer } from './referRequest';
import { pendingReplaces, replacingParty } from './replacesRequest';
import { bindSession, sessionHandlers, type SessionEventSink } from './sessionEvents';
import { referEventHandlers } from './transferOutcome';

export interface TransferHost {
  report(event: EngineEvent): void;
  commandError(command: string, error: unknown): void;
  pcConfig(): RTCConfiguration;
  isLive(callId: string): boolean;
  readonly microphone: MicrophoneSource;
  readonly sessionEvents: SessionEventSink;
}

export class CallTransfers {
  /** Sessions opened by an INVITE with Replaces: they take over a call, they are no new call. */
  private readonly replacing = new WeakSet<RTCSession>();

  constructor(private readonly host: TransferHost) {}

  isReplacing(session: RTCSession): boolean {
    return this.replacing.has(session);
  }

  /** Blind: the far end is asked to call the target. Main hangs up when it hears the outcome. */
  blind(callId: string, session: RTCSession, target: string): void {
    session.refer(target, { eventHandlers: this.outcomeHandlers(callId) });
  }

  /**
   * Attended: the far end calls the other call's party, replacing our dialog with them. Once
   * the transfer has connected, `silenceOther` runs at once: the other dialog should be ended
   * by the target (Replaces), but a target that ignores Replaces (baresip 1.0, older gateways)
   * keeps it up until main hangs it up, and the agent, already in after contact work, must
   * not be heard there meanwhile.
   */
  attended(callId: string, session: RTCSession, other: RTCSession, silenceOther: () => void): void {
    session.refer(other.remote_identity.uri, {
      replaces: other,
      eventHandlers: this.outcomeHandlers(callId, silenceOther),
    });
  }

  private outcomeHandlers(callId: string, onConnected?: () => void) {
    return referEventHandlers((outcome) => {
      if (outcome.outcome === 'accepted') onConnected?.();
      if (this.host.isLive(callId)) this.host.report({ type: 'transfer', callId, ...outcome });
    });
  }

  /** The far end asks us to call someone: main decides (refer-answer). */
  onRefer(call: EngineCall, event: RequestOffer): void {
    const { target, replaces } = referTargetOf(event.request);
    // A newer REFER supersedes one main has not answered yet.
    call.referRequest?.reject();
    call.referRequest = { accept: event.accept, reject: event.reject };
    this.host.report({ type: 'refer', callId: call.id, target: bounded(target), replaces });
  }

  answerRefer(call: EngineCall, accept: boolean): void {
    const refer = call.referRequest;
    if (!refer) throw new Error(`no REFER waiting on call ${call.id}`);
    call.referRequest = undefined;
    if (!accept) return refer.reject();
    if (call.pending) throw new Error(`call ${call.id} is already being transferred`);
    const part = new CallSession('refer');
    call.pending = part;
    call.openMicrophone(this.host.microphone).then(
      (stream) => {
        if (call.ended || call.pending !== part) return;
        refer.accept((session) => part.attach(session), {
          mediaStream: stream,
          pcConfig: this.host.pcConfig(),
          eventHandlers: sessionHandlers(call, part, this.host.sessionEvents),
        });
        if (!part.session) {
          call.pending = undefined;
          this.host.commandError('refer-answer', `call ${call.id} is no longer connected`);
        }
      },
      (error: unknown) => {
        call.pending = undefined;
        refer.reject();
        this.host.commandError('refer-answer', microphoneFailure(error));
      },
    );
  }

  /**
   * An INVITE with Replaces names this call: main decides whether it may take the call over
   * (replaces-answer). A newer one supersedes one main has not answered yet.
   */
  onReplaces(call: EngineCall, event: RequestOffer): void {
    if (call.pending || !call.current.confirmed) return event.reject();
    call.replacesRequest?.refuse();
    call.replacesRequest = pendingReplaces(event);
    this.host.report({ type: 'replaces', callId: call.id, from: bounded(replacingParty(event)) });
  }

  answerReplaces(call: EngineCall, accept: boolean): void {
    const replaces = call.replacesRequest;
    if (!replaces) throw new Error(`no INVITE with Replaces waiting on call ${call.id}`);
    call.replacesRequest = undefined;
    if (!accept) return replaces.refuse();
    this.takeOver(call, replaces.offer);
  }

  /** We are the transfer target: the new INVITE takes over this call under the same callId. */
  private takeOver(call: EngineCall, event: RequestOffer): void {
    if (call.ended || call.pending || !call.current.confirmed) return event.reject();
    const part = new CallSession('replaces');
    call.pending = part;
    // JsSIP calls back with the new session before it reports it to the UA as a new call.
    event.accept((session: RTCSession) => {
      this.replacing.add(session);
      bindSession(call, part, session, this.host.sessionEvents);
    });
    const session = part.session;
    if (!session) {
      call.pending = undefined;
      return;
    }
    call.openMicrophone(this.host.microphone).then(
      (stream) => {
        if (call.pending === part && !session.isEnded()) {
          session.answer({ mediaStream: stream, pcConfig: this.host.pcConfig() });
        }
      },
      () => session.terminate({ status_code: 480, reason_phrase: 'Microphone Unavailable' }),
    );
  }
}
