/**
 * The one place the engine touches JsSIP 3.13.8 private members. Each is needed because the
 * public API cannot do what the desk needs; check every one of them when upgrading JsSIP.
 *
 * - `session.hold()` terminates the call when its re-INVITE fails, and JsSIP's dialog request
 *   sender retries a 491 once after a fixed 1000 ms with the same offer: two JsSIP ends glare
 *   again and both calls die. The engine negotiates hold itself (HoldNegotiator) with
 *   `_sendReinvite`, `_localHold` and the connection queue, and the patches below.
 * - An offer that was refused must be withdrawn, and Chromium's rollback (explicit, or the
 *   implicit one when the far end's offer is applied over ours) breaks the connection's audio;
 *   see restoringAnswer.ts. We withdraw with an answer that restores the agreed media.
 * - JsSIP arms an incoming INVITE's Expires with a plain setTimeout, which overflows past
 *   2^31-1 ms and fires at once (487 before the agent sees the offer): `_timers.expiresTimer`
 *   is disarmed for such values (offerExpiry.ts).
 * - The transport's recovery runs on its own timer (backing off to 30 s) and has no public
 *   "connect now": the desk decides when to try again (Reconnection in main), so the engine
 *   cancels that timer and connects at once, to the server JsSIP would have tried next.
 * - Requests outside a session (a BYE for an earlier page's dialog, PUBLISH) and empty
 *   NOTIFYs: jssipRequests.ts, with their reasons.
 * - `_toggleMuteAudio` enables the sender's track again when the far end resumes, which would
 *   unmute a muted microphone; the engine owns what each sender carries (OutgoingAudio).
 * - An incoming call's answer is prepared while it rings (PreparedAnswer.ts), so Accept only
 *   sends it: the connection is made with JsSIP's own `_createRTCConnection` before `answer()`,
 *   which is then kept from making another, and its first `setRemoteDescription` and
 *   `createAnswer` return what was already done (`_connection`, `_createRTCConnection`).
 */
import * as JsSIP from 'jssip';
import Dialog from 'jssip/lib/Dialog';
import DialogRequestSender from 'jssip/lib/Dialog/RequestSender';
import type { RTCSession } from 'jssip/lib/RTCSession';
import { type MediaDirection, restoringAnswer } from './restoringAnswer';

/** The response JsSIP hands to a re-INVITE's handlers (undefined when no response came). */
interface ResponseLike {
  readonly status_code?: number;
  readonly reason_phrase?: string;
  readonly method?: string;
}

interface SessionPrivates {
  /** Read by `_mangleOffer`: true makes our offers (and late-SDP answers) sendonly/inactive. */
  _localHold: boolean;
  /** JsSIP serialises every offer/answer step on this promise; ours must queue behind them. */
  _connectionPromiseQueue: Promise<unknown>;
  _sendReinvite(options: {
    eventHandlers: {
      succeeded(response: ResponseLike): void;
      failed(response?: ResponseLike): void;
    };
  }): void;
  _toggleMuteAudio(mute: boolean): void;
  _createRTCConnection(pcConfig: RTCConfiguration, rtcConstraints: unknown): void;
  _connection: RTCPeerConnection | null;
  readonly _timers: { expiresTimer: ReturnType<typeof setTimeout> | null };
}

interface TransportPrivates {
  recovery_timer: ReturnType<typeof setTimeout> | null;
  /** Picks the socket of highest weight that has not failed (all again once all failed). */
  _getSocket(): void;
  isConnected(): boolean;
  isConnecting(): boolean;
  connect(): void;
}

/**
 * Connects the user agent's transport now if it is down, instead of at the end of JsSIP's
 * recovery wait. False when it was already connected or connecting.
 */
export function connectTransportNow(ua: JsSIP.UA): boolean {
  const transport = (ua as unknown as { transport: TransportPrivates | null }).transport;
  if (!transport || transport.isConnected() || transport.isConnecting()) return false;
  if (transport.recovery_timer !== null) clearTimeout(transport.recovery_timer);
  transport.recovery_timer = null;
  transport._getSocket();
  transport.connect();
  return true;
}

function privatesOf(session: RTCSession): SessionPrivates {
  return session as unknown as SessionPrivates;
}

export type ReinviteOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly statusCode?: number; readonly cause: string };

/**
 * Disarms the Expires timer JsSIP set for an incoming INVITE. Called from the newRTCSession
 * handler, in the same task JsSIP armed it in, so an overflowed timer has not fired yet.
 */
export function disarmOfferExpiry(session: RTCSession): void {
  const timers = privatesOf(session)._timers;
  if (timers.expiresTimer !== null) clearTimeout(timers.expiresTimer);
  timers.expiresTimer = null;
}

/** Marks the session held or not so that JsSIP writes the right direction into its offers. */
export function setLocalHold(session: RTCSession, held: boolean): void {
  privatesOf(session)._localHold = held;
}

/**
 * Sends a re-INVITE with a fresh offer. Resolves with the outcome instead of letting JsSIP
 * tear the call down: only a transaction timeout, a 408 or a 481 still end the call, as
 * RFC 3261 12.2.1.2 asks, because then the dialog is gone.
 */
export function sendReinvite(session: RTCSession): Promise<ReinviteOutcome> {
  return new Promise((resolve) => {
    privatesOf(session)._sendReinvite({
      eventHandlers: {
        succeeded: () => resolve({ ok: true }),
        failed: (response) =>
          resolve({
            ok: false,
            ...(response?.status_code !== undefined ? { statusCode: response.status_code } : {}),
            cause: response?.reason_phrase || (response ? 'Rejected' : 'Offer failed'),
          }),
      },
    });
  });
}

/**
 * Runs `step` after every offer/answer step JsSIP has queued, so withdrawing our offer never
 * races an answer JsSIP is still applying. A failing step does not break JsSIP's queue.
 */
export function afterQueuedMediaWork(
  session: RTCSession,
  step: () => Promise<void> | void,
): Promise<void> {
  const internals = privatesOf(session);
  const run = internals._connectionPromiseQueue.catch(() => undefined).then(step);
  internals._connectionPromiseQueue = run.catch(() => undefined);
  return run;
}

/**
 * Withdraws our unanswered offer (after a 491 or a refusal, or before the far end's offer is
 * applied over it), back to the media both ends last agreed on. Queued behind JsSIP's work.
 */
export function withdrawLocalOffer(session: RTCSession): Promise<void> {
  return afterQueuedMediaWork(session, async () => {
    const connection = privatesOf(session)._connection;
    if (connection?.signalingState !== 'have-local-offer') return;
    const remote = connection.currentRemoteDescription?.sdp;
    const local = connection.currentLocalDescription?.sdp;
    if (remote && local) {
      const agreed = new Map(
        connection
          .getTransceivers()
          .map((transceiver) => [transceiver.mid, transceiver.currentDirection]),
      );
      try {
        const sdp = restoringAnswer(remote, local, (mid) => agreedDirection(agreed.get(mid)));
        await connection.setRemoteDescription({ type: 'answer', sdp });
        return;
      } catch (error) {
        console.warn('OpenCCP engine: restoring answer refused, rolling back instead', error);
      }
    }
    await connection.setLocalDescription({ type: 'rollback' });
  });
}

function agreedDirection(
  direction: RTCRtpTransceiverDirection | null | undefined,
): MediaDirection | undefined {
  return direction === 'sendrecv' ||
    direction === 'sendonly' ||
    direction === 'recvonly' ||
    direction === 'inactive'
    ? direction
    : undefined;
}

/** Stops JsSIP from enabling/disabling the sender's track on hold events (see header). */
/**
 * Makes the incoming session's peer connection now, while it rings, with JsSIP's own method (its
 * ICE-failure handling and the `peerconnection` event, so the call's handlers adopt it), and
 * keeps `answer()` from replacing it. Undefined when the session is no longer waiting.
 */
export function connectBeforeAnswer(
  session: RTCSession,
  pcConfig: RTCConfiguration,
): RTCPeerConnection | undefined {
  const internals = privatesOf(session);
  if (session.isEnded() || internals._connection) return undefined;
  internals._createRTCConnection(pcConfig, null);
  const connection = internals._connection;
  if (!connection) return undefined;
  // An own property over the prototype's: answer() calls it once, and must keep this one.
  internals._createRTCConnection = () => undefined;
  return connection;
}

/**
 * Gives up a connection made by connectBeforeAnswer: closed, and answer() makes its own again.
 */
export function disconnectBeforeAnswer(session: RTCSession): void {
  const internals = privatesOf(session);
  delete (internals as Partial<SessionPrivates>)._createRTCConnection;
  internals._connection?.close();
  internals._connection = null;
}

/**
 * The next `setRemoteDescription` and `createAnswer` of `connection` (answer()'s) resolve at
 * once, with the offer already applied and `answer` already created; later ones (re-INVITEs)
 * are the browser's own again.
 */
export function answerAlreadyCreated(
  connection: RTCPeerConnection,
  answer: RTCSessionDescriptionInit,
): void {
  const own = connection as unknown as {
    setRemoteDescription?: () => Promise<void>;
    createAnswer?: () => Promise<RTCSessionDescriptionInit>;
  };
  own.setRemoteDescription = () => {
    delete own.setRemoteDescription;
    return Promise.resolve();
  };
  own.createAnswer = () => {
    delete own.createAnswer;
    return Promise.resolve(answer);
  };
}

export function leaveSendersToEngine(session: RTCSession): void {
  privatesOf(session)._toggleMuteAudio = () => undefined;
}

let patched = false;

/**
 * RFC 3261 14.1/14.2 glare handling, installed once:
 * - a 491 to our re-INVITE reaches the caller's failed handler (which withdraws the offer and
 *   retries after the randomised wait) instead of JsSIP's fixed one-second resend of the same offer;
 * - an INVITE we answer 491 because ours is pending is not processed any further: JsSIP
 *   3.13.8 replies 491 and then still applies the far end's offer and answers it again;
 * - a far-end offer that arrived just before ours went out (so it was not refused) is applied
 *   only after our offer is withdrawn, never over it (see withdrawLocalOffer).
 */
export function installGlareHandling(): void {
  if (patched) return;
  patched = true;

  const sender = DialogRequestSender.prototype as {
    _reattempt: boolean;
    _receiveResponse(response: ResponseLike): void;
  };
  const receiveResponse = sender._receiveResponse;
  sender._receiveResponse = function (this: typeof sender, response: ResponseLike) {
    if (response.method === 'INVITE' && response.status_code === 491) this._reattempt = true;
    receiveResponse.call(this, response);
  };

  const dialog = Dialog.prototype as {
    _uac_pending_reply: boolean;
    _checkInDialogRequest(request: { method: string; body?: unknown }): boolean;
  };
  const checkInDialogRequest = dialog._checkInDialogRequest;
  dialog._checkInDialogRequest = function (
    this: typeof dialog,
    request: { method: string; body?: unknown },
  ) {
    const isOffer = request.method === 'INVITE' || (request.method === 'UPDATE' && !!request.body);
    const glare = isOffer && this._uac_pending_reply === true;
    const accepted = checkInDialogRequest.call(this, request);
    return accepted && !glare;
  };

  const session = (JsSIP as unknown as { RTCSession: { prototype: object } }).RTCSession
    .prototype as { _processInDialogSdpOffer(request: unknown): Promise<unknown> };
  const processInDialogSdpOffer = session._processInDialogSdpOffer;
  session._processInDialogSdpOffer = function (this: RTCSession, request: unknown) {
    void withdrawLocalOffer(this);
    return processInDialogSdpOffer.call(this, request);
  };
}

/**
 * JsSIP answers an incoming MESSAGE 200 as soon as its `newMessage` handlers return, unless the
 * Message was replied, and then UA.receiveRequest falls through to its "initial request"
 * switch, whose default answers 405 (harmless when the 200 went first, fatal for a held one).
 * The desk holds the first MESSAGE of a conversation until the agent accepts (ChatMessages):
 * this marks it replied and mutes the request's own `reply`, so JsSIP sends nothing, and
 * returns the one function that answers it for real.
 */
export function holdMessageReply(message: object, request: object): (status: number) => void {
  (message as { _is_replied?: boolean })._is_replied = true;
  const target = request as { reply(statusCode: number): void };
  const reply = target.reply.bind(target);
  target.reply = () => undefined;
  return (status) => reply(status);
}
