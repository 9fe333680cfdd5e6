/**
 * The SIP/WebRTC engine: one JsSIP user agent and its calls, driven by EngineCommands and
 * reporting EngineEvents. It carries out what main decides and never decides itself whether
 * a call may ring: every INVITE is reported as `incoming` and waits for answer or reject.
 *
 * Each call lives under the callId main knows it by (EngineCall). The session serving it may
 * change (a REFER we followed, an INVITE with Replaces); events of a session that no longer
 * serves its call never reach main.
 */
import * as JsSIP from 'jssip';
import type {
  EndEvent,
  IceCandidateEvent,
  IncomingDTMFEvent,
  OutgoingDTMFEvent,
  RTCSession,
  RTCSessionEventMap,
  TerminateOptions,
} from 'jssip/lib/RTCSession';
import type { IncomingRTCSessionEvent, OutgoingRTCSessionEvent } from 'jssip/lib/UA';
import type { EngineCommand, EngineEvent } from '../../preload/contract';
import { EngineAccount } from '../../preload/contract';
import { playBeep } from './beep';
import { CallSession } from './CallSession';
import { ConferenceMixer } from './ConferenceMixer';
import { bounded, statusCodeOf } from './describeFailure';
import {
  chooseDtmfVia,
  DTMF_DURATION_MS,
  DTMF_GAP_MS,
  type DtmfMode,
  negotiatesTelephoneEvent,
} from './dtmfTransport';
import { EngineCall, type SessionEnd } from './EngineCall';
import { forwardedHeaders, rawHeadersOf } from './forwardedHeaders';
import { HoldNegotiator } from './HoldNegotiator';
import { holdPortFor } from './holdPort';
import { IceGatheringPolicy } from './IceGatheringPolicy';
import { installGlareHandling } from './jssipInternals';
import { type MicrophoneSource, microphoneFailure } from './microphone';
import { QualityMonitor } from './QualityMonitor';
import { referTargetOf, type RequestOffer } from './referRequest';
import { identityOf } from './sipIdentity';
import { referEventHandlers } from './transferOutcome';
import { type Account, createUserAgent } from './userAgent';

export type { MicrophoneSource } from './microphone';

installGlareHandling();

type Report = (event: EngineEvent) => void;

/** Digits as the contract spells them (RFC 4733 events 0-9 * # A-D). */
const TONE = /^[0-9*#A-D]$/;

export class SipEngine {
  private ua: JsSIP.UA | undefined;
  private account: Account | undefined;
  private readonly calls = new Map<string, EngineCall>();
  private readonly mixer = new ConferenceMixer();
  /** Sessions opened by an INVITE with Replaces: they take over a call, they are no new call. */
  private readonly replacing = new WeakSet<RTCSession>();
  /** Measured ICE wait of every offer/answer, for the bench and diagnostics. */
  readonly iceWaits: number[] = [];
  private readonly gatheringRounds = new WeakMap<() => void, IceGatheringPolicy>();

  constructor(
    private readonly report: Report,
    private readonly microphone: MicrophoneSource,
  ) {}

  handle(command: EngineCommand): void {
    try {
      this.dispatch(command);
    } catch (error) {
      this.commandError(command.type, error);
    }
  }

  private dispatch(command: EngineCommand): void {
    switch (command.type) {
      case 'connect':
        return this.connect(EngineAccount.parse(command.account), command.register);
      case 'register':
        return this.requireUa().register();
      case 'unregister':
        return this.requireUa().unregister();
      case 'disconnect':
        return this.disconnect();
      case 'call':
        return this.call(command.callId, command.target);
      case 'answer':
        return this.answer(command.callId, command.beep ?? false);
      case 'reject':
        return this.terminate(command.callId, { status_code: command.status });
      case 'hangup':
        return this.terminate(command.callId);
      case 'hold':
        return this.requireConnected(command.callId).hold.request(command.hold);
      case 'mute':
        return this.requireCall(command.callId).audio.setMuted(command.muted);
      case 'dtmf':
        return this.sendDtmf(command.callId, command.digits, command.mode);
      case 'mix':
        return this.mix(command.callIds);
      case 'blind-transfer':
        return this.transfer(command.callId, command.target);
      case 'attended-transfer':
        return this.transferReplacing(command.callId, command.replacesCallId);
      case 'refer-answer':
        return this.answerRefer(command.callId, command.accept);
    }
  }

  private commandError(command: string, error: unknown): void {
    this.report({
      type: 'command-error',
      command,
      message: bounded(error instanceof Error ? error.message : String(error)),
    });
  }

  private requireUa(): JsSIP.UA {
    if (!this.ua) throw new Error('not connected');
    return this.ua;
  }

  private requireCall(callId: string): EngineCall {
    const call = this.calls.get(callId);
    if (!call || call.ended) throw new Error(`no call ${callId}`);
    return call;
  }

  /** The call's session once confirmed, with its hold negotiator. */
  private requireConnected(callId: string): { session: RTCSession; hold: HoldNegotiator } {
    const { current } = this.requireCall(callId);
    if (!current.confirmed || !current.session || !current.hold) {
      throw new Error(`call ${callId} is not connected`);
    }
    return { session: current.session, hold: current.hold };
  }

  // -------------------------------------------------------------------------------------------
  // User agent
  // -------------------------------------------------------------------------------------------

  private connect(account: Account, register: boolean): void {
    this.disconnect();
    this.account = account;
    const ua = createUserAgent(
      account,
      register,
      this.report,
      (candidate) => this.ua === candidate,
    );
    this.ua = ua;
    ua.on('newRTCSession', (event: IncomingRTCSessionEvent | OutgoingRTCSessionEvent) => {
      if (this.ua === ua && event.originator === 'remote') this.onIncoming(event);
    });
    ua.start();
  }

  private disconnect(): void {
    for (const call of [...this.calls.values()]) {
      try {
        this.terminate(call.id);
      } catch {
        // Already terminating: JsSIP will report its end on its own.
      }
    }
    const ua = this.ua;
    this.ua = undefined;
    this.account = undefined;
    ua?.stop();
  }

  private pcConfig(): RTCConfiguration {
    const iceServers = (this.account?.iceServers ?? []).map((server) => ({
      urls: server.urls,
      ...(server.username ? { username: server.username } : {}),
      ...(server.credential ? { credential: server.credential } : {}),
    }));
    return { iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };
  }

  // -------------------------------------------------------------------------------------------
  // Calls: dial, offer, answer, end
  // -------------------------------------------------------------------------------------------

  private onIncoming(event: IncomingRTCSessionEvent): void {
    if (this.replacing.has(event.session)) return;
    const call = new EngineCall(globalThis.crypto.randomUUID());
    this.calls.set(call.id, call);
    this.bind(call, call.current, event.session);
    // Open the microphone while it rings, so Accept answers without waiting for the device.
    call.openMicrophone(this.microphone).catch(() => undefined);
    this.report({
      type: 'incoming',
      callId: call.id,
      from: identityOf(event.request.from),
      headers: forwardedHeaders(rawHeadersOf(event.request), this.account?.forwardedHeaders ?? []),
    });
  }

  private call(callId: string, target: string): void {
    const ua = this.requireUa();
    if (this.calls.has(callId)) throw new Error(`call ${callId} exists`);
    const call = new EngineCall(callId);
    this.calls.set(callId, call);
    call.openMicrophone(this.microphone).then(
      (stream) => {
        if (this.ua !== ua || call.ended) return;
        try {
          // Handlers go in with the call: JsSIP creates the connection and starts the offer
          // inside ua.call(), before we could attach listeners to the returned session.
          const session = ua.call(target, {
            mediaStream: stream,
            pcConfig: this.pcConfig(),
            eventHandlers: this.sessionHandlers(call, call.current),
          });
          call.current.attach(session);
        } catch (error) {
          const cause = error instanceof Error ? error.message : 'Invalid target';
          this.finish(call, { failed: true, originator: 'system', cause });
        }
      },
      (error: unknown) =>
        this.finish(call, { failed: true, originator: 'system', cause: microphoneFailure(error) }),
    );
  }

  private answer(callId: string, beep: boolean): void {
    const call = this.requireCall(callId);
    const microphone = call.openMicrophone(this.microphone);
    // The beep plays while the microphone opens; a failed beep must not cost the call.
    const cue = beep ? playBeep().catch(() => undefined) : Promise.resolve();
    void Promise.all([microphone, cue]).then(
      ([stream]) => {
        if (!call.ended) {
          call.current.session?.answer({ mediaStream: stream, pcConfig: this.pcConfig() });
        }
      },
      (error: unknown) => {
        call.current.session?.terminate({
          status_code: 480,
          reason_phrase: 'Microphone Unavailable',
        });
        this.commandError('answer', microphoneFailure(error));
      },
    );
  }

  private terminate(callId: string, options?: TerminateOptions): void {
    const call = this.requireCall(callId);
    call.pending?.terminate();
    const session = call.current.session;
    if (session && !session.isEnded()) session.terminate(options);
    // Hung up while the microphone was still opening (nothing sent yet), or while the call
    // waited for a replacement that has just been cancelled.
    else
      this.finish(
        call,
        call.orphanedBy ?? { failed: true, originator: 'local', cause: 'Canceled' },
      );
  }

  private bind(call: EngineCall, part: CallSession, session: RTCSession): void {
    part.attach(session);
    for (const [name, handler] of Object.entries(this.sessionHandlers(call, part))) {
      session.on(name as keyof RTCSessionEventMap, handler as never);
    }
  }

  private sessionHandlers(call: EngineCall, part: CallSession): Partial<RTCSessionEventMap> {
    const isCurrent = () => !call.ended && call.current === part;
    const isPending = () => !call.ended && call.pending === part;
    const emit = (event: EngineEvent) => {
      if (isCurrent()) this.report(event);
    };
    return {
      peerconnection: ({ peerconnection }) => {
        part.connect(peerconnection);
        if (isCurrent()) call.audio.attach(peerconnection);
        // The far end's track comes back into its stream when a hold ends: a conference mix
        // built while it was away must take it in, or the other party would not hear it.
        peerconnection.addEventListener('track', () => {
          if (isCurrent() && this.mixer.includes(call.id)) this.mixer.refresh();
        });
      },
      icecandidate: (event) => this.onIceCandidate(event),
      progress: () => emit({ type: 'progress', callId: call.id }),
      confirmed: () => {
        if (isCurrent()) this.onConfirmed(call, part, true);
        else if (isPending()) this.promote(call, part);
      },
      ended: (event) => this.onSessionEnd(call, part, false, event),
      failed: (event) => this.onSessionEnd(call, part, true, event),
      hold: ({ originator }) =>
        originator === 'remote' && emit({ type: 'remote-hold', callId: call.id, held: true }),
      unhold: ({ originator }) =>
        originator === 'remote' && emit({ type: 'remote-hold', callId: call.id, held: false }),
      newDTMF: ({ originator, dtmf }: IncomingDTMFEvent | OutgoingDTMFEvent) => {
        const tone = String(dtmf.tone).toUpperCase();
        if (!TONE.test(tone)) return;
        emit({ type: 'dtmf', callId: call.id, tone, originator, via: 'info' });
      },
      refer: (event) => {
        if (isCurrent()) this.onRefer(call, event as unknown as RequestOffer);
        else event.reject();
      },
      replaces: (event) => {
        if (isCurrent()) this.onReplaces(call, event as unknown as RequestOffer);
        else event.reject();
      },
    };
  }

  /** The session serving the call is up: hold, quality and sent-tone reports start. */
  private onConfirmed(call: EngineCall, part: CallSession, announce: boolean): void {
    if (part.confirmed) return;
    part.confirmed = true;
    const { session, connection } = part;
    if (!session || !connection) return;
    call.audio.attach(connection);
    const isCurrent = () => !call.ended && call.current === part;
    part.hold = new HoldNegotiator(holdPortFor(session, call.audio), (event) => {
      if (isCurrent()) this.report({ ...event, callId: call.id });
    });
    part.quality = new QualityMonitor(connection, (figures) => {
      if (isCurrent()) this.report({ type: 'quality', callId: call.id, ...figures });
    });
    part.quality.start();
    // RFC 4733 digits are reported as they start playing out; INFO ones come as newDTMF.
    call.audio.audioSender()?.dtmf?.addEventListener('tonechange', (event) => {
      const tone = event.tone.toUpperCase();
      if (isCurrent() && TONE.test(tone)) {
        this.report({ type: 'dtmf', callId: call.id, tone, originator: 'local', via: 'rfc4733' });
      }
    });
    if (announce) this.report({ type: 'confirmed', callId: call.id });
  }

  private onSessionEnd(
    call: EngineCall,
    part: CallSession,
    failed: boolean,
    event: EndEvent,
  ): void {
    part.ended = true;
    if (call.ended) return;
    const end: SessionEnd = {
      failed,
      originator: event.originator,
      cause: event.cause,
      message: event.message,
    };
    if (part === call.current) {
      // JsSIP ends the session an INVITE with Replaces took over once the new one is up.
      if (call.pending?.session?.isEstablished()) return this.promote(call, call.pending);
      if (call.pending) {
        // The transferor hung up before the target answered: the call waits for the target.
        call.orphanedBy = end;
        part.retire();
        return;
      }
      return this.finish(call, end);
    }
    if (part === call.pending) {
      call.pending = undefined;
      part.retire();
      if (call.orphanedBy) return this.finish(call, call.orphanedBy);
      if (part.origin === 'refer') {
        this.commandError('refer-answer', `transfer target failed: ${event.cause ?? 'Failed'}`);
      }
      return;
    }
    const index = call.retired.indexOf(part);
    if (index >= 0) call.retired.splice(index, 1);
  }

  private finish(call: EngineCall, end: SessionEnd): void {
    if (call.ended) return;
    call.ended = true;
    this.calls.delete(call.id);
    this.mixer.remove(call.id);
    for (const part of call.sessions()) {
      part.retire();
      part.terminate();
    }
    call.closeMicrophone();
    const statusCode = statusCodeOf(end.message);
    this.report({
      type: 'ended',
      callId: call.id,
      originator:
        end.originator === 'local' || end.originator === 'remote' ? end.originator : 'system',
      cause: bounded(end.cause ?? 'Ended'),
      failed: end.failed,
      ...(statusCode !== undefined ? { statusCode } : {}),
    });
  }

  /**
   * JsSIP hands out a fresh `ready` for every offer/answer it builds, so a policy is keyed by
   * it: one policy per round, released the moment the policy says the candidates suffice.
   */
  private onIceCandidate(event: IceCandidateEvent): void {
    let policy = this.gatheringRounds.get(event.ready);
    if (!policy) {
      const hasIceServers = (this.account?.iceServers.length ?? 0) > 0;
      const bound = this.account?.iceGatheringBoundMs ?? 400;
      policy = new IceGatheringPolicy(hasIceServers, bound, (waitedMs) => {
        this.iceWaits.push(waitedMs);
        event.ready();
      });
      this.gatheringRounds.set(event.ready, policy);
    }
    policy.onCandidate(event.candidate);
  }

  // -------------------------------------------------------------------------------------------
  // In-call control: DTMF and the local conference (hold and mute are one-liners above)
  // -------------------------------------------------------------------------------------------

  private sendDtmf(callId: string, digits: string, mode: DtmfMode): void {
    const { session } = this.requireConnected(callId);
    const call = this.requireCall(callId);
    const sender = call.audio.audioSender();
    const canSendInAudio =
      negotiatesTelephoneEvent(call.current.connection?.remoteDescription?.sdp) &&
      !!sender?.track &&
      sender.dtmf?.canInsertDTMF === true;
    const via = chooseDtmfVia(mode, canSendInAudio);
    if (!via) throw new Error('RFC 4733 DTMF is not possible on this call now');
    session.sendDTMF(digits.toUpperCase(), {
      transportType:
        via === 'rfc4733' ? JsSIP.C.DTMF_TRANSPORT.RFC2833 : JsSIP.C.DTMF_TRANSPORT.INFO,
      duration: DTMF_DURATION_MS,
      interToneGap: DTMF_GAP_MS,
    });
  }

  private mix(callIds: readonly string[]): void {
    const calls = callIds.map((id) => this.requireCall(id));
    this.mixer.mix(
      calls.map((call) => ({
        id: call.id,
        microphone: () => call.audio.microphoneTrack,
        remoteStream: () => call.current.remoteAudio?.stream,
        setMix: (track) => call.audio.setMix(track),
      })),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Transfers: REFER we send, REFER we receive, INVITE with Replaces we receive
  // -------------------------------------------------------------------------------------------

  private transferHandlers(callId: string) {
    return referEventHandlers((outcome) => {
      if (this.calls.has(callId)) this.report({ type: 'transfer', callId, ...outcome });
    });
  }

  /** Blind: the far end is asked to call the target. Main hangs up when it hears the outcome. */
  private transfer(callId: string, target: string): void {
    const { session } = this.requireConnected(callId);
    session.refer(target, { eventHandlers: this.transferHandlers(callId) });
  }

  /** Attended: the far end calls the other call's party, replacing our dialog with them. */
  private transferReplacing(callId: string, replacesCallId: string): void {
    const { session } = this.requireConnected(callId);
    const { session: other } = this.requireConnected(replacesCallId);
    session.refer(other.remote_identity.uri, {
      replaces: other,
      eventHandlers: this.transferHandlers(callId),
    });
  }

  private onRefer(call: EngineCall, event: RequestOffer): void {
    const { target, replaces } = referTargetOf(event.request);
    // A newer REFER supersedes one main has not answered yet.
    call.referRequest?.reject();
    call.referRequest = { accept: event.accept, reject: event.reject };
    this.report({ type: 'refer', callId: call.id, target: bounded(target), replaces });
  }

  private answerRefer(callId: string, accept: boolean): void {
    const call = this.requireCall(callId);
    const refer = call.referRequest;
    if (!refer) throw new Error(`no REFER waiting on call ${callId}`);
    call.referRequest = undefined;
    if (!accept) return refer.reject();
    if (call.pending) throw new Error(`call ${callId} is already being transferred`);
    const part = new CallSession('refer');
    call.pending = part;
    call.openMicrophone(this.microphone).then(
      (stream) => {
        if (call.ended || call.pending !== part) return;
        refer.accept((session) => part.attach(session), {
          mediaStream: stream,
          pcConfig: this.pcConfig(),
          eventHandlers: this.sessionHandlers(call, part),
        });
        if (!part.session) {
          call.pending = undefined;
          this.commandError('refer-answer', `call ${callId} is no longer connected`);
        }
      },
      (error: unknown) => {
        call.pending = undefined;
        refer.reject();
        this.commandError('refer-answer', microphoneFailure(error));
      },
    );
  }

  /** We are the transfer target: the new INVITE takes over this call under the same callId. */
  private onReplaces(call: EngineCall, event: RequestOffer): void {
    if (call.pending || !call.current.confirmed) return event.reject();
    const part = new CallSession('replaces');
    call.pending = part;
    event.accept((session: RTCSession) => {
      this.replacing.add(session);
      this.bind(call, part, session);
    });
    const session = part.session;
    if (!session) {
      call.pending = undefined;
      return;
    }
    call.openMicrophone(this.microphone).then(
      (stream) => {
        if (call.pending === part && !session.isEnded()) {
          session.answer({ mediaStream: stream, pcConfig: this.pcConfig() });
        }
      },
      () => session.terminate({ status_code: 480, reason_phrase: 'Microphone Unavailable' }),
    );
  }

  /** A replacement session is up: it serves the call from now on. */
  private promote(call: EngineCall, part: CallSession): void {
    const previous = call.current;
    call.current = part;
    call.pending = undefined;
    call.orphanedBy = undefined;
    previous.retire();
    if (!previous.ended) {
      previous.silence();
      call.retired.push(previous);
    }
    this.onConfirmed(call, part, false);
    if (this.mixer.includes(call.id)) this.mixer.refresh();
    const session = part.session;
    if (session) {
      this.report({ type: 'replaced', callId: call.id, peer: identityOf(session.remote_identity) });
    }
  }
}
