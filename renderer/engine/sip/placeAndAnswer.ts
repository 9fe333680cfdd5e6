/**
 * The two ways a call's first session starts: we place it (ua.call once the microphone is
 * open) or we answer the far end's offer (after checking it can carry audio, with the
 * optional auto-accept beep played while the microphone opens).
 */
import type * as JsSIP from 'jssip';
import type { TerminateOptions } from 'jssip/lib/RTCSession';
import { MICROPHONE_UNAVAILABLE_CAUSE } from '../../../common/contract';
import { speakerOutput } from '../audio/SpeakerOutput';
import { microphoneFailure, type MicrophoneSource } from '../audio/microphone';
import type { EngineCall, SessionEnd } from './EngineCall';
import { microphoneEnd } from './endedReport';
import { unanswerableOffer } from './incomingOffer';
import { sessionHandlers, type SessionEventSink } from './sessionEvents';

export interface CallStarter {
  readonly microphone: MicrophoneSource;
  readonly sessionEvents: SessionEventSink;
  pcConfig(): RTCConfiguration;
  /** Whether `ua` still is the engine's user agent (a new sign-in replaces it). */
  isCurrent(ua: JsSIP.UA): boolean;
  finish(call: EngineCall, end: SessionEnd, hangup?: TerminateOptions): void;
  commandError(command: string, error: unknown): void;
}

export function placeCall(
  host: CallStarter,
  ua: JsSIP.UA,
  call: EngineCall,
  target: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  call.openMicrophone(host.microphone).then(
    (stream) => {
      if (!host.isCurrent(ua) || call.ended) return;
      try {
        // Handlers go in with the call: JsSIP creates the connection and starts the offer
        // inside ua.call(), before we could attach listeners to the returned session.
        const session = ua.call(target, {
          mediaStream: stream,
          pcConfig: host.pcConfig(),
          extraHeaders: Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
          eventHandlers: sessionHandlers(call, call.current, host.sessionEvents),
        });
        call.current.attach(session);
      } catch (error) {
        const cause = error instanceof Error ? error.message : 'Invalid target';
        host.finish(call, { failed: true, originator: 'system', cause });
      }
    },
    (error: unknown) => host.finish(call, microphoneEnd(error)),
  );
}

export function answerCall(host: CallStarter, call: EngineCall, beep: boolean): void {
  const unanswerable = unanswerableOffer(call);
  if (unanswerable) return host.finish(call, unanswerable.end, unanswerable.reply);
  call.answering = true;
  const microphone = call.openMicrophone(host.microphone);
  // The beep plays while the microphone opens; a failed beep must not cost the call.
  const cue = beep ? speakerOutput.beep().catch(() => undefined) : Promise.resolve();
  void Promise.all([microphone, cue]).then(
    async ([stream]) => {
      // An answer prepared while the call rang (or still being prepared) is used. An Accept
      // in the first PREPARE_ANSWER_AFTER_MS finds none, and none is started after it.
      const prepared = (await call.preparedAnswer?.use()) ?? false;
      if (call.preparedAnswer && !prepared) call.current.disconnect();
      if (call.ended) return;
      call.current.session?.answer(
        prepared
          ? // The prepared connection already sends the microphone: nothing more to add.
            { mediaConstraints: { audio: false, video: false }, pcConfig: host.pcConfig() }
          : { mediaStream: stream, pcConfig: host.pcConfig() },
      );
    },
    (error: unknown) => {
      host.commandError('answer', microphoneFailure(error));
      // Ended by the engine itself: JsSIP would report the 480 we send as 'Rejected'.
      host.finish(call, microphoneEnd(error), {
        status_code: 480,
        reason_phrase: MICROPHONE_UNAVAILABLE_CAUSE,
      });
    },
  );
}
