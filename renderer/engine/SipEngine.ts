/**
 * The SIP/WebRTC engine: one JsSIP user agent and its calls, driven by EngineCommands and
 * reporting EngineEvents. It carries out what main decides and never decides itself whether
 * a call may ring: every INVITE is reported as `incoming` and waits for answer or reject.
 */
import * as JsSIP from 'jssip';
import type {
  IceCandidateEvent,
  RTCSession,
  RTCSessionEventMap,
  TerminateOptions,
} from 'jssip/lib/RTCSession';
import type { IncomingRTCSessionEvent, OutgoingRTCSessionEvent } from 'jssip/lib/UA';
import type { EngineCommand, EngineEvent } from '../../preload/contract';
import { EngineAccount } from '../../preload/contract';
import { bounded, statusCodeOf } from './describeFailure';
import { playBeep } from './beep';
import { IceGatheringPolicy } from './IceGatheringPolicy';
import { RemoteAudio } from './RemoteAudio';

/** Where the microphone comes from: navigator.mediaDevices in the app. */
export interface MicrophoneSource {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

type Report = (event: EngineEvent) => void;
type Account = ReturnType<typeof EngineAccount.parse>;

interface Call {
  readonly id: string;
  /** Unset for an outbound call until the microphone opened and JsSIP sent the INVITE. */
  session?: RTCSession;
  microphone?: Promise<MediaStream>;
  audio?: RemoteAudio;
  ended: boolean;
}

/** Headers copied from an INVITE for main (queue name, callback flags); the rest stay here. */
const MAX_FORWARDED_HEADERS = 16;

const MICROPHONE_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: false,
};

export class SipEngine {
  private ua: JsSIP.UA | undefined;
  private account: Account | undefined;
  private readonly calls = new Map<string, Call>();
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
      this.report({
        type: 'command-error',
        command: command.type,
        message: bounded(error instanceof Error ? error.message : String(error)),
      });
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
    }
  }

  private requireUa(): JsSIP.UA {
    if (!this.ua) throw new Error('not connected');
    return this.ua;
  }

  private requireCall(callId: string): Call {
    const call = this.calls.get(callId);
    if (!call || call.ended) throw new Error(`no call ${callId}`);
    return call;
  }

  private terminate(callId: string, options?: TerminateOptions): void {
    const call = this.requireCall(callId);
    if (call.session) call.session.terminate(options);
    // Hung up while the microphone was still opening: nothing was sent yet.
    else this.finish(call, true, { originator: 'local', cause: 'Canceled' });
  }

  private connect(account: Account, register: boolean): void {
    this.disconnect();
    this.account = account;
    const ua = new JsSIP.UA({
      sockets: account.serverUrls.map((url) => new JsSIP.WebSocketInterface(url)),
      uri: account.sipUri,
      password: account.password,
      ...(account.authUser ? { authorization_user: account.authUser } : {}),
      ...(account.displayName ? { display_name: account.displayName } : {}),
      register,
      register_expires: account.registerExpiresSec,
      session_timers: false,
      user_agent: 'OpenCCP',
      connection_recovery_min_interval: 2,
      connection_recovery_max_interval: 30,
    });
    this.ua = ua;
    // Events of a UA we already replaced must not reach main.
    const current = (): boolean => this.ua === ua;

    ua.on('connecting', () => current() && this.report({ type: 'transport', state: 'connecting' }));
    ua.on('connected', () => current() && this.report({ type: 'transport', state: 'connected' }));
    ua.on('disconnected', (event) => {
      if (!current()) return;
      const detail = event.error
        ? `WebSocket error ${event.code ?? ''} ${event.reason ?? ''}`
        : undefined;
      this.report({
        type: 'transport',
        state: 'disconnected',
        ...(detail ? { error: bounded(detail.trim()) } : {}),
      });
    });
    ua.on(
      'registered',
      () => current() && this.report({ type: 'registration', state: 'registered' }),
    );
    ua.on(
      'unregistered',
      () => current() && this.report({ type: 'registration', state: 'unregistered' }),
    );
    ua.on('registrationFailed', (event) => {
      if (!current()) return;
      const statusCode = statusCodeOf(event.response);
      this.report({
        type: 'registration',
        state: 'failed',
        cause: bounded(event.cause),
        ...(statusCode !== undefined ? { statusCode } : {}),
      });
    });
    ua.on('newRTCSession', (event: IncomingRTCSessionEvent | OutgoingRTCSessionEvent) => {
      if (current() && event.originator === 'remote') this.onIncoming(event);
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

  private onIncoming(event: IncomingRTCSessionEvent): void {
    const call: Call = { id: globalThis.crypto.randomUUID(), ended: false };
    call.session = event.session;
    this.calls.set(call.id, call);
    for (const [name, handler] of Object.entries(this.sessionHandlers(call))) {
      event.session.on(name as keyof RTCSessionEventMap, handler as never);
    }
    // Open the microphone while it rings, so Accept answers without waiting for the device.
    call.microphone = this.microphone.getUserMedia(MICROPHONE_CONSTRAINTS);
    call.microphone.catch(() => undefined);
    const { from } = event.request;
    this.report({
      type: 'incoming',
      callId: call.id,
      from: {
        user: bounded(from.uri.user ?? ''),
        uri: bounded(from.uri.toString()),
        displayName: bounded(from.display_name ?? ''),
      },
      headers: forwardedHeaders(rawHeaders(event.request)),
    });
  }

  private call(callId: string, target: string): void {
    const ua = this.requireUa();
    const call: Call = { id: callId, ended: false };
    this.calls.set(callId, call);
    call.microphone = this.microphone.getUserMedia(MICROPHONE_CONSTRAINTS);
    void call.microphone.then(
      (stream) => {
        if (this.ua !== ua || call.ended) return;
        // Handlers go in with the call: JsSIP creates the connection and starts the offer
        // inside ua.call(), before we could attach listeners to the returned session.
        call.session = ua.call(target, {
          mediaStream: stream,
          pcConfig: this.pcConfig(),
          eventHandlers: this.sessionHandlers(call),
        });
      },
      (error: unknown) =>
        this.finish(call, true, { originator: 'system', cause: microphoneFailure(error) }),
    );
  }

  private answer(callId: string, beep: boolean): void {
    const call = this.requireCall(callId);
    const microphone = call.microphone ?? this.microphone.getUserMedia(MICROPHONE_CONSTRAINTS);
    // The beep plays while the microphone opens; a failed beep must not cost the call.
    const cue = beep ? playBeep().catch(() => undefined) : Promise.resolve();
    void Promise.all([microphone, cue]).then(
      ([stream]) => {
        if (!call.ended) call.session?.answer({ mediaStream: stream, pcConfig: this.pcConfig() });
      },
      (error: unknown) => {
        call.session?.terminate({ status_code: 480, reason_phrase: 'Microphone Unavailable' });
        this.report({
          type: 'command-error',
          command: 'answer',
          message: microphoneFailure(error),
        });
      },
    );
  }

  private pcConfig(): RTCConfiguration {
    const iceServers = (this.account?.iceServers ?? []).map((server) => ({
      urls: server.urls,
      ...(server.username ? { username: server.username } : {}),
      ...(server.credential ? { credential: server.credential } : {}),
    }));
    return { iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' };
  }

  private sessionHandlers(call: Call): Partial<RTCSessionEventMap> {
    return {
      peerconnection: ({ peerconnection }) => {
        call.audio ??= new RemoteAudio(peerconnection);
      },
      icecandidate: (event) => this.onIceCandidate(event),
      progress: () => this.report({ type: 'progress', callId: call.id }),
      confirmed: () => this.report({ type: 'confirmed', callId: call.id }),
      ended: (event) => this.finish(call, false, event),
      failed: (event) => this.finish(call, true, event),
    };
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

  private finish(
    call: Call,
    failed: boolean,
    event: { originator: string; cause?: string; message?: unknown },
  ): void {
    if (call.ended) return;
    call.ended = true;
    call.audio?.dispose();
    void call.microphone?.then(
      (media) => media.getTracks().forEach((track) => track.stop()),
      () => undefined,
    );
    this.calls.delete(call.id);
    const statusCode = statusCodeOf(event.message);
    this.report({
      type: 'ended',
      callId: call.id,
      originator:
        event.originator === 'local' || event.originator === 'remote' ? event.originator : 'system',
      cause: bounded(event.cause ?? 'Ended'),
      failed,
      ...(statusCode !== undefined ? { statusCode } : {}),
    });
  }
}

function microphoneFailure(error: unknown): string {
  return bounded(`Microphone unavailable: ${error instanceof Error ? error.name : String(error)}`);
}

/** JsSIP keeps parsed headers on the request without declaring them in its types. */
function rawHeaders(request: object): Record<string, Array<{ raw: string }>> {
  const headers = (request as { headers?: unknown }).headers;
  return typeof headers === 'object' && headers !== null
    ? (headers as Record<string, Array<{ raw: string }>>)
    : {};
}

function forwardedHeaders(headers: Record<string, Array<{ raw: string }>>): Record<string, string> {
  const forwarded: Record<string, string> = {};
  let count = 0;
  for (const [name, values] of Object.entries(headers)) {
    if (!/^x-/i.test(name) || count >= MAX_FORWARDED_HEADERS) continue;
    const value = values[0]?.raw;
    if (value === undefined) continue;
    forwarded[name.toLowerCase().slice(0, 64)] = bounded(value);
    count += 1;
  }
  return forwarded;
}
