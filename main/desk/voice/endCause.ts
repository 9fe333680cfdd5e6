/**
 * What the engine's report of a call's end means for the agent: a code the UI words in plain
 * language, and the technical reason kept for IT. The engine is untrusted, so a 2xx status is
 * dropped here too: a call never fails because of a 200 OK, only because of what it carried.
 */
import {
  MICROPHONE_UNAVAILABLE_CAUSE,
  type ContactEndCode,
  type EngineEndedEvent,
} from '../../../common/contract';

/** Final failure responses the agent can be told about in plain words. */
const BY_STATUS: Readonly<Partial<Record<number, ContactEndCode>>> = {
  486: 'busy',
  600: 'busy',
  408: 'noAnswer',
  480: 'noAnswer',
  404: 'notFound',
  410: 'notFound',
  484: 'notFound',
  604: 'notFound',
  603: 'rejected',
  // The server (not the callee) refused: a call barred for this account or destination.
  403: 'forbidden',
  502: 'unreachable',
  503: 'unreachable',
  504: 'unreachable',
  // Not Acceptable (Here): the far end refused our offer's media.
  488: 'mediaFailed',
  606: 'mediaFailed',
};

/** JsSIP's causes (and the engine's own) that name the failure when no response does. */
const BY_CAUSE: Readonly<Partial<Record<string, ContactEndCode>>> = {
  // Our side could not build or apply an offer or answer (BUNDLE, codecs, DTLS).
  'WebRTC Error': 'mediaFailed',
  // The far end's answer could not be applied: JsSIP fails the call on its 200 OK.
  'Bad Media Description': 'mediaFailed',
  'Incompatible SDP': 'mediaFailed',
  'Missing SDP': 'mediaFailed',
  // ICE found no working path for the audio.
  'RTP Timeout': 'mediaFailed',
  'User Denied Media Access': 'microphoneUnavailable',
  [MICROPHONE_UNAVAILABLE_CAUSE]: 'microphoneUnavailable',
  // The server did not answer, or the WebSocket to it failed.
  'Connection Error': 'unreachable',
  'Request Timeout': 'unreachable',
  // JsSIP gave up on the server's digest challenge for the INVITE (401/407 again).
  'Authentication Error': 'forbidden',
};

/**
 * Ends that are nobody's failure. A media error JsSIP reported earlier (a re-INVITE the far
 * end's SDP broke, while the call went on) does not make such an end a media failure.
 */
const ORDINARY_CAUSES = new Set(['Terminated', 'Canceled']);

/** The status of a real failure response; anything below 300 is not one. */
function failureStatus(event: EngineEndedEvent): number | undefined {
  const code = event.statusCode;
  return code !== undefined && code >= 300 ? code : undefined;
}

/** The engine's media error, when it explains this end. */
function explainingMediaError(event: EngineEndedEvent): string | undefined {
  if (!event.mediaError || ORDINARY_CAUSES.has(event.cause)) return undefined;
  return event.mediaError;
}

/** The plain-language code for this end, if it has one: the response first, then the cause. */
export function endCodeOf(event: EngineEndedEvent): ContactEndCode | undefined {
  const status = failureStatus(event);
  const byStatus = status !== undefined ? BY_STATUS[status] : undefined;
  if (byStatus) return byStatus;
  const byCause = BY_CAUSE[event.cause];
  if (byCause) return byCause;
  return explainingMediaError(event) ? 'mediaFailed' : undefined;
}

/** The contract's bound on the reason text (RemoteText). */
const MAX_REASON = 256;

/** The technical reason: "486 Busy", "Bad Media Description (InvalidAccessError: ...)". */
export function endReasonOf(event: EngineEndedEvent): string {
  const status = failureStatus(event);
  const mediaError = explainingMediaError(event);
  const reason = [
    status !== undefined ? `${status} ` : '',
    event.cause,
    mediaError ? ` (${mediaError})` : '',
  ].join('');
  return reason.slice(0, MAX_REASON);
}
