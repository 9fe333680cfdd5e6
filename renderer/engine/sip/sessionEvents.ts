/**
 * What each JsSIP session event means for the call the session serves. Only the session that
 * currently serves a call speaks for it; a pending replacement may only confirm or fail, and a
 * retired one may only end.
 */
import type {
  IceCandidateEvent,
  IncomingDTMFEvent,
  OutgoingDTMFEvent,
  RTCSession,
  RTCSessionEventMap,
} from 'jssip/lib/RTCSession';
import type { EngineEvent } from '../../../common/contract';
import type { CallSession } from './CallSession';
import { dtmfTone } from '../dtmf/dtmfTone';
import type { EngineCall } from './EngineCall';
import type { RequestOffer } from './referRequest';

export interface SessionEventSink {
  report(event: EngineEvent): void;
  onIceCandidate(event: IceCandidateEvent): void;
  /** The session serving the call is up. */
  onConfirmed(call: EngineCall, part: CallSession): void;
  /** A replacement session is up: it takes over the call. */
  promote(call: EngineCall, part: CallSession): void;
  onSessionEnd(call: EngineCall, part: CallSession, failed: boolean, event: EndLike): void;
  /** The far end's audio (re)appeared on the call: a conference mix must take it in. */
  onRemoteTrack(call: EngineCall): void;
  onRefer(call: EngineCall, request: RequestOffer): void;
  onReplaces(call: EngineCall, request: RequestOffer): void;
}

export interface EndLike {
  readonly originator: string;
  readonly cause?: string;
  readonly message?: unknown;
}

export function sessionHandlers(
  call: EngineCall,
  part: CallSession,
  sink: SessionEventSink,
): Partial<RTCSessionEventMap> {
  const isCurrent = () => !call.ended && call.current === part;
  const isPending = () => !call.ended && call.pending === part;
  const emit = (event: EngineEvent) => {
    if (isCurrent()) sink.report(event);
  };
  return {
    peerconnection: ({ peerconnection }) => {
      part.connect(peerconnection);
      if (isCurrent()) call.audio.attach(peerconnection);
      // The far end's track comes back into its stream when a hold ends: a conference mix
      // built while it was away must take it in, or the other party would not hear it.
      peerconnection.addEventListener('track', () => {
        if (isCurrent()) sink.onRemoteTrack(call);
      });
    },
    icecandidate: (event) => sink.onIceCandidate(event),
    // Kept on the session whatever its role: JsSIP may emit these just after 'failed'.
    'peerconnection:createofferfailed': (error: unknown) => part.recordMediaError(error),
    'peerconnection:createanswerfailed': (error: unknown) => part.recordMediaError(error),
    'peerconnection:setlocaldescriptionfailed': (error: unknown) => part.recordMediaError(error),
    'peerconnection:setremotedescriptionfailed': (error: unknown) => part.recordMediaError(error),
    getusermediafailed: (error: unknown) => part.recordMediaError(error),
    progress: () => emit({ type: 'progress', callId: call.id }),
    confirmed: () => {
      if (isCurrent()) sink.onConfirmed(call, part);
      else if (isPending()) sink.promote(call, part);
    },
    ended: (event) => sink.onSessionEnd(call, part, false, event),
    failed: (event) => sink.onSessionEnd(call, part, true, event),
    hold: ({ originator }) =>
      originator === 'remote' && emit({ type: 'remote-hold', callId: call.id, held: true }),
    unhold: ({ originator }) =>
      originator === 'remote' && emit({ type: 'remote-hold', callId: call.id, held: false }),
    newDTMF: ({ originator, dtmf }: IncomingDTMFEvent | OutgoingDTMFEvent) => {
      const tone = dtmfTone(dtmf.tone);
      if (tone) emit({ type: 'dtmf', callId: call.id, tone, originator, via: 'info' });
    },
    refer: (event) => {
      if (isCurrent()) sink.onRefer(call, event as unknown as RequestOffer);
      else event.reject();
    },
    replaces: (event) => {
      if (isCurrent()) sink.onReplaces(call, event as unknown as RequestOffer);
      else event.reject();
    },
  };
}

/** Attaches a session to the call part and routes its events (incoming sessions). */
export function bindSession(
  call: EngineCall,
  part: CallSession,
  session: RTCSession,
  sink: SessionEventSink,
): void {
  part.attach(session);
  for (const [name, handler] of Object.entries(sessionHandlers(call, part, sink))) {
    session.on(name as keyof RTCSessionEventMap, handler as never);
  }
}
