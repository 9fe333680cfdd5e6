/**
 * Supervisors' listen-ins on the agent's calls (F1), where the PBX has no monitoring of its
 * own (Kamailio does not mix media). A supervisor calls the agent with MONITOR_HEADER; this
 * class keeps that INVITE unanswered and reports it (nothing rings, no microphone opens), and
 * when main accepts it answers with a LocalMix of the agent's calls: the agent's voice and the
 * far ends, as the agent hears them. What the supervisor sends is never played or mixed
 * anywhere, so the monitored parties cannot hear them.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { MONITOR_HEADER, type EngineEvent } from '../../../common/contract';
import { LocalMix, type MixedCall } from '../audio/LocalMix';
import { bounded } from '../sip/describeFailure';
import { identityOf } from '../sip/sipIdentity';

type Report = (event: EngineEvent) => void;

interface ListenIn {
  readonly session: RTCSession;
  mix?: LocalMix;
}

export class ListenIns {
  private readonly listenIns = new Map<string, ListenIn>();
  private context: AudioContext | undefined;

  constructor(
    private readonly report: Report,
    private readonly call: (callId: string) => MixedCall | undefined,
    private readonly pcConfig: () => RTCConfiguration,
  ) {}

  /** Takes the INVITE if it asks for a listen-in; false for every other call. */
  offer(session: RTCSession, request: IncomingRequest): boolean {
    if (!request.hasHeader(MONITOR_HEADER)) return false;
    const callId = globalThis.crypto.randomUUID();
    this.listenIns.set(callId, { session });
    const ended = () => {
      const listenIn = this.listenIns.get(callId);
      if (!listenIn) return;
      this.listenIns.delete(callId);
      listenIn.mix?.close();
      this.report({ type: 'monitor-ended', callId });
    };
    session.on('ended', ended);
    session.on('failed', ended);
    const asserted = request.hasHeader('P-Asserted-Identity')
      ? assertedUri(request.getHeader('P-Asserted-Identity'))
      : undefined;
    this.report({
      type: 'monitor-request',
      callId,
      from: identityOf(request.from),
      ...(asserted ? { assertedIdentity: bounded(asserted) } : {}),
    });
    return true;
  }

  /** Main accepted: answer with the mix of these calls, and play nothing the supervisor sends. */
  answer(callId: string, sourceCallIds: readonly string[]): void {
    const listenIn = this.require(callId);
    const calls = sourceCallIds.flatMap((id) => this.call(id) ?? []);
    if (calls.length === 0) throw new Error('no live call to listen in on');
    this.context ??= new AudioContext();
    const mix = new LocalMix(this.context);
    mix.use(calls);
    listenIn.mix = mix;
    listenIn.session.answer({
      mediaStream: mix.stream,
      pcConfig: this.pcConfig(),
      // Listen-only: the supervisor's audio is not even received.
      rtcAnswerConstraints: { offerToReceiveAudio: false },
    });
  }

  /** Refuses a request (403) or ends a running listen-in. */
  end(callId: string, refuse: boolean): void {
    const listenIn = this.listenIns.get(callId);
    if (!listenIn || listenIn.session.isEnded()) return;
    listenIn.session.terminate(
      refuse ? { status_code: 403, reason_phrase: 'Listen-in not allowed' } : undefined,
    );
  }

  /** A call's media changed: every listen-in on it follows. */
  refresh(callId: string): void {
    for (const listenIn of this.listenIns.values()) {
      if (listenIn.mix?.covers(callId)) listenIn.mix.rebuild();
    }
  }

  /** A call ended: a listen-in with nothing left to hear ends too. */
  callEnded(callId: string): void {
    for (const [id, listenIn] of [...this.listenIns]) {
      if (!listenIn.mix?.covers(callId)) continue;
      listenIn.mix.remove(callId);
      if (listenIn.mix.size === 0) this.end(id, false);
    }
  }

  private require(callId: string): ListenIn {
    const listenIn = this.listenIns.get(callId);
    if (!listenIn || listenIn.session.isEnded()) throw new Error(`no listen-in ${callId}`);
    return listenIn;
  }
}

/** The URI inside a P-Asserted-Identity value ("Name" <sip:a@b> or sip:a@b). */
function assertedUri(value: string): string | undefined {
  const inBrackets = /<([^>]+)>/.exec(value)?.[1];
  const uri = (inBrackets ?? value).trim();
  return /^sips?:/i.test(uri) ? uri : undefined;
}
