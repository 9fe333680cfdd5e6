/**
 * The SIP/WebRTC engine: one JsSIP user agent and its calls, driven by EngineCommands and
 * reporting EngineEvents. It carries out what main decides and never decides itself whether
 * a call may ring: every INVITE is reported as `incoming` and waits for answer or reject.
 *
 * Each call lives under the callId main knows it by (EngineCall). The session serving it may
 * change (a REFER we followed, an INVITE with Replaces: CallTransfers); events of a session
 * that no longer serves its call never reach main (sessionEvents), and what the sessions
 * report (confirmed, replaced, ended) is carried out by CallLifecycle. The line the calls
 * ride on (user agent, registration, presence) is EngineConnection's.
 */
import type { RTCSession, TerminateOptions } from 'jssip/lib/RTCSession';
import type { IncomingRTCSessionEvent } from 'jssip/lib/UA';
import type { EngineCommand, EngineEvent } from '../../common/contract';
import { CallLifecycle } from './sip/CallLifecycle';
import { CallTransfers } from './sip/CallTransfers';
import { ChatMessages } from './sip/ChatMessages';
import { ConferenceMixer } from './audio/ConferenceMixer';
import { bounded } from './sip/describeFailure';
import { sendDtmf } from './dtmf/DtmfSender';
import { EngineCall } from './sip/EngineCall';
import { forwardedHeaders, rawHeadersOf } from './sip/forwardedHeaders';
import type { HoldNegotiator } from './sip/HoldNegotiator';
import { OfferGate } from './sip/OfferGate';
import { installGlareHandling } from './sip/jssipInternals';
import { EngineConnection } from './sip/EngineConnection';
import { answerCall, type CallStarter, placeCall } from './sip/placeAndAnswer';
import { takeIncomingOffer } from './sip/incomingOffer';
import { prepareAnswerWhileRinging } from './sip/PreparedAnswer';
import type { MicrophoneSource } from './audio/microphone';
import { EngineAudio } from './audio/EngineAudio';
import { MicrophoneMeter } from './audio/MicrophoneMeter';
import { bindSession } from './sip/sessionEvents';
import { identityOf } from './sip/sipIdentity';

import { EngineRecordings } from './recording/EngineRecordings';
import { ListenIns } from './monitoring/ListenIns';

export type { MicrophoneSource } from './audio/microphone';

installGlareHandling();

type Report = (event: EngineEvent) => void;

export class SipEngine {
  /** The user agent of the signed-in account, and what rides on it besides calls. */
  private readonly connection: EngineConnection;
  private readonly calls = new Map<string, EngineCall>();
  private readonly mixer = new ConferenceMixer();
  private readonly transfers: CallTransfers;
  private readonly offerGate: OfferGate;
  /** Chat over SIP MESSAGE: held first MESSAGEs, the agent's lines and typing. */
  private readonly chats: ChatMessages;
  /** Confirmed, replaced, ended: what the calls' sessions report (SessionEventSink). */
  private readonly lifecycle: CallLifecycle;

  private readonly starter: CallStarter;
  /** Microphone, speaker and ringer as main chose them (B1). */
  readonly audio: EngineAudio;
  private readonly microphone: MicrophoneSource;
  /** The agent's call recordings (D9): mixed and encoded here, written by main. */
  private readonly recordings: EngineRecordings;
  /** Supervisors listening in on the agent's calls (F1). */
  private readonly listenIns: ListenIns;
  /** The settings screen's microphone level, while main asks for it. */
  private readonly meter: MicrophoneMeter;

  constructor(
    readonly report: Report,
    devices: MicrophoneSource,
  ) {
    this.audio = new EngineAudio(devices);
    const microphone = this.audio.microphone;
    this.microphone = microphone;
    const mixedCall = (callId: string) => {
      const call = this.calls.get(callId);
      return call && !call.ended ? call.asMixed() : undefined;
    };
    this.recordings = new EngineRecordings(report, mixedCall);
    // A call's own microphone track first: the meter then shows what the customer hears.
    this.meter = new MicrophoneMeter(microphone, () => this.callMicrophone(), report);
    this.listenIns = new ListenIns(report, mixedCall, () => this.pcConfig());
    this.offerGate = new OfferGate(report);
    this.chats = new ChatMessages(report, () => this.connection.account?.forwardedHeaders ?? []);
    this.connection = new EngineConnection({
      report,
      chats: this.chats,
      onIncoming: (event) => this.onIncoming(event),
      endCalls: () => this.endCalls(),
      commandError: (command, error) => this.commandError(command, error),
    });
    this.lifecycle = new CallLifecycle({
      calls: this.calls,
      report,
      ringer: this.audio.ringer,
      mixer: this.mixer,
      recordings: this.recordings,
      listenIns: this.listenIns,
      transfers: () => this.transfers,
      account: () => this.connection.account,
      commandError: (command, error) => this.commandError(command, error),
    });
    this.starter = {
      microphone,
      sessionEvents: this.lifecycle,
      pcConfig: () => this.pcConfig(),
      isCurrent: (ua) => this.connection.isCurrent(ua),
      finish: (call, end, hangup) => this.lifecycle.finish(call, end, hangup),
      commandError: (command, error) => this.commandError(command, error),
    };
    this.transfers = new CallTransfers({
      report,
      microphone,
      sessionEvents: this.lifecycle,
      commandError: (command, error) => this.commandError(command, error),
      pcConfig: () => this.pcConfig(),
      isLive: (callId) => this.calls.has(callId),
    });
  }

  /** Measured ICE wait of every offer/answer, for the bench and diagnostics. */
  get iceWaits(): readonly number[] {
    return this.lifecycle.iceWaits;
  }

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
      case 'register':
      case 'unregister':
      case 'disconnect':
      case 'reconnect':
      case 'release-dialogs':
      case 'presence-watch':
      case 'presence-publish':
        return this.connection.handle(command);
      case 'offer-gate':
        return this.offerGate.set(command.ring);
      case 'ping':
        return this.report({ type: 'pong', seq: command.seq });
      case 'call':
        return this.call(command.callId, command.target, command.headers);
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
      case 'dtmf': {
        const { call, session } = this.requireConnected(command.callId);
        return sendDtmf(session, call.current.connection, call.audio, command.digits, command.mode);
      }
      case 'mix':
        return this.mix(command.callIds, command.listen ?? true);
      case 'ring-elsewhere':
        return this.audio.ringer.stop(command.callId);
      case 'blind-transfer':
        return this.transfers.blind(
          command.callId,
          this.requireConnected(command.callId).session,
          command.target,
        );
      case 'attended-transfer': {
        const other = this.requireConnected(command.replacesCallId);
        return this.transfers.attended(
          command.callId,
          this.requireConnected(command.callId).session,
          other.session,
          () => other.call.audio.setMuted(true),
        );
      }
      case 'refer-answer':
        return this.transfers.answerRefer(this.requireCall(command.callId), command.accept);
      case 'replaces-answer':
        return this.transfers.answerReplaces(this.requireCall(command.callId), command.accept);
      case 'audio-routing': {
        // A conference mix carries the microphone too: it is rebuilt with the new one.
        const switched = this.audio.route(command.routing, this.calls.values(), (call) => {
          if (this.mixer.includes(call.id)) this.mixer.refresh();
          this.recordings.refresh(call.id);
          this.listenIns.refresh(call.id);
        });
        if (switched) this.meter.rerouted();
        return;
      }
      case 'microphone-warm':
        return this.audio.microphone.set(command.on);
      case 'microphone-meter':
        return command.on ? this.meter.start() : this.meter.stop();
      case 'test-sound':
        return this.audio.testSound(command.role);
      case 'chat-answer':
      case 'chat-send':
      case 'chat-send-file':
      case 'chat-typing':
        return this.chats.handle(command, () => this.connection.requireUa());
      case 'record':
        return this.recordings.record(command.recordingId, command.callIds);
      case 'record-stop':
        return this.recordings.stop(command.recordingId);
      case 'monitor-answer':
        return this.listenIns.answer(command.callId, command.sourceCallIds);
      case 'monitor-end':
        return this.listenIns.end(command.callId, command.refuse);
    }
  }

  private commandError(command: string, error: unknown): void {
    this.report({
      type: 'command-error',
      command,
      message: bounded(error instanceof Error ? error.message : String(error)),
    });
  }

  private requireCall(callId: string): EngineCall {
    const call = this.calls.get(callId);
    if (!call || call.ended) throw new Error(`no call ${callId}`);
    return call;
  }

  /** A call whose serving session is confirmed, with that session and its hold negotiator. */
  private requireConnected(callId: string): {
    call: EngineCall;
    session: RTCSession;
    hold: HoldNegotiator;
  } {
    const call = this.requireCall(callId);
    const { confirmed, session, hold } = call.current;
    if (!confirmed || !session || !hold) throw new Error(`call ${callId} is not connected`);
    return { call, session, hold };
  }

  /** Before the line goes (disconnect, or a connect that replaces it). */
  private endCalls(): void {
    for (const call of [...this.calls.values()]) {
      try {
        this.terminate(call.id);
      } catch {
        // Already terminating: JsSIP will report its end on its own.
      }
    }
  }

  private pcConfig(): RTCConfiguration {
    return this.connection.pcConfig();
  }

  // -------------------------------------------------------------------------------------------
  // Calls: offer, dial, answer, end
  // -------------------------------------------------------------------------------------------

  private onIncoming(event: IncomingRTCSessionEvent): void {
    if (this.transfers.isReplacing(event.session)) return;
    // A supervisor's listen-in never rings: main decides whether it is answered.
    if (this.listenIns.offer(event.session, event.request)) return;
    if (!this.offerGate.mayRing) {
      // Main said the agent is not routable: busy here, no microphone, no round trip.
      event.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      this.offerGate.refusedOne(event.request.from.uri.toString());
      return;
    }
    const call = new EngineCall(globalThis.crypto.randomUUID());
    this.calls.set(call.id, call);
    takeIncomingOffer(call, event.session, event.request);
    bindSession(call, call.current, event.session, this.lifecycle);
    // Main first: the banner and Ring light wait on it, two hops away; the ringer and the
    // microphone are this page's own, and main's reply cannot overtake this function.
    this.report({
      type: 'incoming',
      callId: call.id,
      from: identityOf(event.request.from),
      headers: forwardedHeaders(
        rawHeadersOf(event.request),
        this.connection.account?.forwardedHeaders ?? [],
      ),
    });
    this.audio.ringer.start(call.id);
    // Open the microphone while it rings, and prepare the answer with it (PreparedAnswer.ts),
    // so Accept waits for neither.
    prepareAnswerWhileRinging(call, event.session, call.openMicrophone(this.microphone), () =>
      this.pcConfig(),
    );
  }

  private call(callId: string, target: string, headers?: Record<string, string>): void {
    const ua = this.connection.requireUa();
    if (this.calls.has(callId)) throw new Error(`call ${callId} exists`);
    const call = new EngineCall(callId);
    this.calls.set(callId, call);
    placeCall(this.starter, ua, call, target, headers);
  }

  private answer(callId: string, beep: boolean): void {
    this.audio.ringer.stop(callId);
    answerCall(this.starter, this.requireCall(callId), beep);
  }

  private terminate(callId: string, options?: TerminateOptions): void {
    const call = this.requireCall(callId);
    this.audio.ringer.stop(callId);
    call.pending?.terminate();
    const session = call.current.session;
    if (session && !session.isEnded()) return session.terminate(options);
    // Hung up while the microphone was still opening (nothing sent yet), or while the call
    // waited for a replacement that has just been cancelled.
    this.lifecycle.finish(
      call,
      call.orphanedBy ?? { failed: true, originator: 'local', cause: 'Canceled' },
    );
  }

  private mix(callIds: readonly string[], listen: boolean): void {
    const calls = callIds.map((id) => this.requireCall(id));
    // A bridge the agent does not listen to (desk phone mode): the far ends still feed the mix.
    for (const call of calls) call.current.remoteAudio?.setAudible(listen);
    this.mixer.mix(
      calls.map((call) => ({ ...call.asMixed(), setMix: (track) => call.audio.setMix(track) })),
    );
  }

  private callMicrophone(): MediaStreamTrack | undefined {
    for (const call of this.calls.values()) {
      const track = call.audio.microphoneTrack;
      if (!call.ended && track) return track;
    }
    return undefined;
  }
}
