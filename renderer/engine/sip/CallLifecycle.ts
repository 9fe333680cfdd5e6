/**
 * What happens to a call when its sessions report: confirmed, replaced by a transfer, ended.
 * A call keeps the callId main knows it by while the session serving it changes (a REFER we
 * followed, an INVITE with Replaces); its media starts once per session, and when the last one
 * ends the call is finished once, its mix, recording, listen-ins and microphone let go, and
 * its end reported. Split from SipEngine, which turns main's commands into these calls.
 */
import type { IceCandidateEvent, TerminateOptions } from 'jssip/lib/RTCSession';
import type { EngineEvent } from '../../../common/contract';
import type { ConferenceMixer } from '../audio/ConferenceMixer';
import type { ListenIns } from '../monitoring/ListenIns';
import type { EngineRecordings } from '../recording/EngineRecordings';
import type { CallSession } from './CallSession';
import type { CallTransfers } from './CallTransfers';
import type { EngineCall, SessionEnd } from './EngineCall';
import { endedEvent } from './endedReport';
import { IceGatheringRounds } from './IceGatheringRounds';
import { dialogOf } from './jssipRequests';
import type { RequestOffer } from './referRequest';
import type { EndLike, SessionEventSink } from './sessionEvents';
import { identityOf } from './sipIdentity';
import type { Account } from './userAgent';

export interface CallLifecycleDeps {
  /** The engine's live calls by callId; a finished call leaves it. */
  readonly calls: Map<string, EngineCall>;
  readonly report: (event: EngineEvent) => void;
  readonly ringer: { stop(callId: string): void };
  readonly mixer: ConferenceMixer;
  readonly recordings: EngineRecordings;
  readonly listenIns: ListenIns;
  /** Built after this (it routes its sessions' events here). */
  readonly transfers: () => CallTransfers;
  /** The signed-in account: its ICE servers and gathering bound. */
  readonly account: () => Account | undefined;
  readonly commandError: (command: string, error: unknown) => void;
}

export class CallLifecycle implements SessionEventSink {
  private readonly gathering = new IceGatheringRounds();
  /** Measured ICE wait of every offer/answer, for the bench and diagnostics. */
  readonly iceWaits = this.gathering.waits;

  constructor(private readonly deps: CallLifecycleDeps) {}

  report(event: EngineEvent): void {
    this.deps.report(event);
  }

  onConfirmed(call: EngineCall, part: CallSession): void {
    if (!this.startServing(call, part)) return;
    this.deps.report({ type: 'confirmed', callId: call.id });
    this.reportDialog(call, part);
  }

  /** Main keeps the dialog, to have a later engine hang it up if this page dies. */
  private reportDialog(call: EngineCall, part: CallSession): void {
    const dialog = part.session ? dialogOf(part.session) : undefined;
    if (dialog) this.deps.report({ type: 'dialog', callId: call.id, dialog });
  }

  /** A replacement session is up: it serves the call from now on, under the same callId. */
  promote(call: EngineCall, part: CallSession): void {
    const previous = call.current;
    call.current = part;
    call.pending = undefined;
    call.orphanedBy = undefined;
    previous.retire();
    if (!previous.ended) {
      previous.silence();
      call.retired.push(previous);
    }
    this.startServing(call, part);
    this.reportDialog(call, part);
    this.onRemoteTrack(call);
    const session = part.session;
    if (session) {
      this.deps.report({
        type: 'replaced',
        callId: call.id,
        peer: identityOf(session.remote_identity),
      });
    }
  }

  /** Starts the media of the session serving the call, once; false if it already ran. */
  private startServing(call: EngineCall, part: CallSession): boolean {
    if (part.confirmed) return false;
    part.confirmed = true;
    part.startMedia(call.audio, (event) => {
      if (!call.ended && call.current === part) this.deps.report({ ...event, callId: call.id });
    });
    return true;
  }

  onSessionEnd(call: EngineCall, part: CallSession, failed: boolean, event: EndLike): void {
    part.ended = true;
    if (call.ended) return;
    const end: SessionEnd = { failed, ...event, part };
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
        this.deps.commandError(
          'refer-answer',
          `transfer target failed: ${event.cause ?? 'Failed'}`,
        );
      }
      return;
    }
    const index = call.retired.indexOf(part);
    if (index >= 0) call.retired.splice(index, 1);
  }

  onRemoteTrack(call: EngineCall): void {
    if (this.deps.mixer.includes(call.id)) this.deps.mixer.refresh();
    this.deps.recordings.refresh(call.id);
  }

  onRefer(call: EngineCall, request: RequestOffer): void {
    this.deps.transfers().onRefer(call, request);
  }

  onReplaces(call: EngineCall, request: RequestOffer): void {
    this.deps.transfers().onReplaces(call, request);
  }

  /** Ends the call for good; `hangup` says how to end its serving session if still up. */
  finish(call: EngineCall, end: SessionEnd, hangup?: TerminateOptions): void {
    if (call.ended) return;
    call.ended = true;
    this.deps.ringer.stop(call.id);
    this.deps.calls.delete(call.id);
    this.deps.mixer.remove(call.id);
    this.deps.recordings.callEnded(call.id);
    this.deps.listenIns.callEnded(call.id);
    // Nothing left to take over: the waiting INVITE gets its final answer now.
    call.replacesRequest?.refuse();
    call.replacesRequest = undefined;
    for (const part of call.sessions()) {
      part.retire();
      part.terminate(part === call.current ? hangup : undefined);
    }
    call.closeMicrophone();
    const ended = endedEvent(call.id, end);
    // JsSIP emits 'peerconnection:setremotedescriptionfailed' right after 'failed' when an
    // answer's SDP cannot be applied, in the same task: read the media error after it.
    queueMicrotask(() => {
      const mediaError = end.mediaError ?? end.part?.mediaError;
      this.deps.report({ ...ended, ...(mediaError !== undefined ? { mediaError } : {}) });
    });
  }

  onIceCandidate(event: IceCandidateEvent): void {
    this.gathering.onCandidate(event, {
      hasIceServers: (this.deps.account()?.iceServers.length ?? 0) > 0,
      boundMs: this.deps.account()?.iceGatheringBoundMs ?? 400,
    });
  }
}
