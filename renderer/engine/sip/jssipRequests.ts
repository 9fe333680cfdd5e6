/**
 * JsSIP 3.13.8 private members the engine touches outside a call's media (the rest, and the
 * rule that every one is checked when upgrading JsSIP: jssipInternals.ts).
 *
 * - A call's dialog identifiers (`_dialog`) are read when it is confirmed, and a BYE for a
 *   dialog of an earlier engine page is sent with JsSIP's OutgoingRequest and RequestSender:
 *   the public API only sends requests inside a session this page set up (releaseDialogs.ts).
 * - JsSIP 3.13 has no PUBLISH client (RFC 3903): the engine's presence publisher sends its
 *   PUBLISH with the same OutgoingRequest and RequestSender (which answer a 401/407), and
 *   reads the response's SIP-ETag (sendOutOfDialog).
 * - A Subscriber emits `notify` only for a NOTIFY with a body; Kamailio's presence server
 *   NOTIFYs an empty body once nobody publishes for the presentity (signed out), which the
 *   watcher must see (onEmptyNotify wraps the instance's `receiveRequest`).
 */
import * as JsSIP from 'jssip';
import RequestSender from 'jssip/lib/RequestSender';
import { OutgoingRequest } from 'jssip/lib/SIPMessage';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { Subscriber } from 'jssip/lib/Subscriber';
import type { SipDialog } from '../../../common/contract';

interface DialogPrivates {
  readonly _id: { call_id: string; local_tag: string; remote_tag: string };
  readonly _local_uri: { toString(): string };
  readonly _remote_uri: { toString(): string };
  readonly _remote_target: { toString(): string };
  readonly _route_set: readonly string[];
  readonly _local_seqnum?: number;
}

/** The confirmed session's dialog, for main to release after an engine loss. */
export function dialogOf(session: RTCSession): SipDialog | undefined {
  const dialog = (session as unknown as { _dialog?: DialogPrivates | null })._dialog;
  if (!dialog) return undefined;
  return {
    callId: dialog._id.call_id,
    localTag: dialog._id.local_tag,
    remoteTag: dialog._id.remote_tag,
    localUri: dialog._local_uri.toString(),
    remoteUri: dialog._remote_uri.toString(),
    remoteTarget: dialog._remote_target.toString(),
    routeSet: [...dialog._route_set],
    localSeq: dialog._local_seqnum ?? 0,
  };
}

/** Fields of a request outside any session of this page (JsSIP's OutgoingRequest params). */
export interface StandaloneRequestParams {
  call_id: string;
  from_uri: string;
  from_tag: string;
  to_uri: string;
  to_tag: string;
  route_set: readonly string[];
  cseq: number;
}

/** Sends a request built from its dialog's fields; resolves on a final response. */
export function sendRequestOutsideSession(
  ua: JsSIP.UA,
  method: string,
  target: string,
  params: StandaloneRequestParams,
): Promise<number> {
  return new Promise((resolve, reject) => {
    // JsSIP's typings omit the constructor: (method, ruri, ua, params, extraHeaders, body).
    const Request = OutgoingRequest as unknown as new (
      method: string,
      ruri: JsSIP.URI,
      ua: JsSIP.UA,
      params: object,
    ) => OutgoingRequest;
    const uri = (text: string): JsSIP.URI => {
      const parsed = JsSIP.URI.parse(text);
      if (!parsed) throw new Error(`not a SIP URI: ${text.slice(0, 64)}`);
      return parsed;
    };
    const request = new Request(method, uri(target), ua, {
      ...params,
      from_uri: uri(params.from_uri),
      to_uri: uri(params.to_uri),
      route_set: [...params.route_set],
    });
    new RequestSender(ua, request, {
      onReceiveResponse: (response: { status_code: number }) => {
        if (response.status_code >= 200) resolve(response.status_code);
      },
      onRequestTimeout: () => reject(new Error('request timeout')),
      onTransportError: () => reject(new Error('transport error')),
      onAuthenticated: () => undefined,
    }).send();
  });
}

/** A final response to a request sent outside any dialog. */
export interface FinalResponse {
  statusCode: number;
  header(name: string): string | undefined;
}

/**
 * Sends a request outside any dialog (PUBLISH) to `target`, from the user agent's own
 * address, with these headers and body; resolves on the final response (after JsSIP answered
 * an authentication challenge).
 */
export function sendOutOfDialog(
  ua: JsSIP.UA,
  method: string,
  target: string,
  extraHeaders: readonly string[],
  body?: string,
): Promise<FinalResponse> {
  return new Promise((resolve, reject) => {
    const ruri = JsSIP.URI.parse(target);
    if (!ruri) throw new Error(`not a SIP URI: ${target.slice(0, 64)}`);
    const Request = OutgoingRequest as unknown as new (
      method: string,
      ruri: JsSIP.URI,
      ua: JsSIP.UA,
      params: object,
      extraHeaders: string[],
      body?: string,
    ) => OutgoingRequest;
    const request = new Request(method, ruri, ua, {}, [...extraHeaders], body);
    new RequestSender(ua, request, {
      onReceiveResponse: (response: {
        status_code: number;
        getHeader(name: string): string | undefined;
      }) => {
        if (response.status_code < 200) return;
        resolve({
          statusCode: response.status_code,
          header: (name) => response.getHeader(name) ?? undefined,
        });
      },
      onRequestTimeout: () => reject(new Error('request timeout')),
      onTransportError: () => reject(new Error('transport error')),
      onAuthenticated: () => undefined,
    }).send();
  });
}

/** Calls `handler` for each non-final NOTIFY without a body this subscriber accepts. */
export function onEmptyNotify(subscriber: Subscriber, handler: () => void): void {
  const target = subscriber as unknown as {
    receiveRequest(request: { method: string; body?: string }): void;
    readonly state: number;
  };
  const receive = target.receiveRequest.bind(subscriber);
  target.receiveRequest = (request) => {
    receive(request);
    const empty = request.body === undefined || request.body.trim() === '';
    // Subscriber.C.STATE_TERMINATED is 2 (JsSIP 3.13.8): a final NOTIFY is reported as `terminated`.
    if (request.method === 'NOTIFY' && empty && target.state !== 2) handler();
  };
}
