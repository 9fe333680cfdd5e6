/**
 * What JsSIP hands the engine for a REFER or an INVITE with Replaces it received: the request
 * and the two ways to answer it. JsSIP types `accept` as a bare Function; this says what it
 * takes.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { URI } from 'jssip/lib/URI';

export interface RequestOffer {
  readonly request: IncomingRequest;
  /** REFER: options are those of a new outgoing call. Replaces: no options. */
  accept(initCallback: (session: RTCSession) => void, options?: object): void;
  reject(): void;
}

/** Where a REFER sends us, without its header parameters, and whether it carries Replaces. */
export function referTargetOf(request: IncomingRequest): { target: string; replaces: boolean } {
  // JsSIP parses Refer-To onto the request (and refuses a REFER without one) but does not
  // declare it in its types.
  const referTo = (request as unknown as { refer_to?: { uri: URI } }).refer_to;
  if (!referTo) return { target: '', replaces: false };
  const target = referTo.uri.clone();
  target.clearHeaders();
  return { target: target.toString(), replaces: referTo.uri.hasHeader('replaces') };
}
