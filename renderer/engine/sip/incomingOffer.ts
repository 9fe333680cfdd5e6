/**
 * What the engine checks of a far end's INVITE, apart from ringing it: the Expires timer JsSIP
 * would arm wrongly (offerExpiry.ts), and, before answering, whether the offer can carry audio
 * with us at all (offerCodecs.ts). Mechanics of the offer, not decisions about the call: main
 * still decides whether it rings and whether it is answered.
 */
import type { RTCSession, TerminateOptions } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { EngineCall, SessionEnd } from './EngineCall';
import { disarmOfferExpiry } from './jssipInternals';
import { noCommonAudioCodec } from './offerCodecs';
import { expiresOverflowsTimer } from './offerExpiry';

/** Keeps the offer's SDP for the answer check and disarms an Expires timer that overflows. */
export function takeIncomingOffer(
  call: EngineCall,
  session: RTCSession,
  request: IncomingRequest,
): void {
  call.offerSdp = typeof request.body === 'string' ? request.body : undefined;
  if (expiresOverflowsTimer(request.getHeader('Expires'))) disarmOfferExpiry(session);
}

let receivableAudioCodecs: readonly string[] | undefined;

/**
 * The audio codecs this browser can receive ("audio/opus", "audio/PCMU", ...). Asked once per
 * page: they never change while it lives, and the question is a synchronous trip into the media
 * engine that cost about 3 ms on every Accept (the bench's CPU profile of the engine page).
 */
function supportedAudioCodecs(): readonly string[] {
  receivableAudioCodecs ??=
    RTCRtpReceiver.getCapabilities?.('audio')?.codecs.map((codec) => codec.mimeType) ?? [];
  return receivableAudioCodecs;
}

/**
 * Asks the codec question once while the page is idle: its first answer costs tens of ms (the
 * media engine loads its codec list; about 35 to 80 ms on the build machine), which otherwise
 * fell on the first call's answer.
 */
export function learnAudioCodecsWhenIdle(): void {
  const learn = () => void supportedAudioCodecs();
  if (typeof requestIdleCallback === 'function') requestIdleCallback(learn, { timeout: 2000 });
  else setTimeout(learn, 0);
}

/**
 * Why answering this call would connect it without audio, as the end to report and the reply
 * to send; undefined when it can be answered. Chromium would answer an offer with no codec in
 * common with its audio m-line rejected: a call that "connects" in silence both ways.
 */
export function unanswerableOffer(
  call: EngineCall,
): { end: SessionEnd; reply: TerminateOptions } | undefined {
  const noCodec = noCommonAudioCodec(call.offerSdp, supportedAudioCodecs());
  if (!noCodec) return undefined;
  return {
    end: { failed: true, originator: 'local', cause: 'Incompatible SDP', mediaError: noCodec },
    reply: { status_code: 488, reason_phrase: 'Not Acceptable Here' },
  };
}
