/**
 * An incoming call's answer, made while it rings (issue 18), so Accept only has to send it.
 *
 * Through the app, most of Accept to 200 OK was the answer itself: a new peer connection (its
 * DTLS certificate), the microphone's track, the far end's offer applied, the answer created,
 * the element that plays the far end (bench: acceptStepsMs.*). None of it depends on the
 * agent's choice, so it is done as soon as the call rings and its microphone is open. What is
 * left for Accept is JsSIP's answer() with those steps already done, setLocalDescription, and
 * the first candidate, which the connection has pooled (iceCandidatePoolSize) by then.
 *
 * setLocalDescription itself waits for Accept: it starts ICE and DTLS towards the caller, and a
 * media relay that does not know us yet (rtpengine before it sees our answer) would leave those
 * checks unanswered until the connection fails, and JsSIP ends a call whose ICE fails.
 *
 * Nothing is heard either way before Accept: no media flows without ICE and DTLS.
 */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { EngineCall } from './EngineCall';
import { unanswerableOffer } from './incomingOffer';
import {
  answerAlreadyCreated,
  connectBeforeAnswer,
  disconnectBeforeAnswer,
} from './jssipInternals';

/**
 * How long after the offer the preparing starts. Its ~30 ms of work in the engine page and in
 * Chromium's media threads, on the agent's cores, must not delay what the offer starts: the
 * ringer (about 12 ms after the INVITE through the app) and the banner (about 40 ms, p95 under
 * 80 ms on a busy machine). Measured with no delay (the bench, on a machine busy with other
 * tests), offer to ring rose from 12 to 37 ms and offer to banner from 37 to 70 ms. An agent's click or hook press comes well after
 * 150 ms (a human's reaction to a banner takes longer); an auto-accept answers at once, and
 * then nothing is prepared (EngineCall.answering).
 */
export const PREPARE_ANSWER_AFTER_MS = 150;

/**
 * Prepares the answer to a call that has just started ringing, once its microphone is open and
 * PREPARE_ANSWER_AFTER_MS have passed, into `call.preparedAnswer`. Nothing is prepared for a
 * call that ended or was answered meanwhile, for an offer that cannot carry audio (refused at
 * Accept), or for one without SDP (a late offer is answered with our offer).
 */
export function prepareAnswerWhileRinging(
  call: EngineCall,
  session: RTCSession,
  microphone: Promise<MediaStream>,
  pcConfig: () => RTCConfiguration,
): void {
  const shown = new Promise((resolve) => setTimeout(resolve, PREPARE_ANSWER_AFTER_MS));
  Promise.all([microphone, shown]).then(
    ([stream]) => {
      if (call.ended || call.answering || call.current.session !== session) return;
      if (!call.offerSdp || unanswerableOffer(call)) return;
      call.preparedAnswer = PreparedAnswer.start(session, call.offerSdp, stream, pcConfig());
    },
    () => undefined,
  );
}

export class PreparedAnswer {
  /** The answer, once created: it waits for Accept. */
  private answer: RTCSessionDescriptionInit | undefined;
  /** Settles when preparing ends: true when the answer is ready for Accept. */
  private readonly settled: Promise<boolean>;

  private constructor(
    private readonly session: RTCSession,
    private readonly connection: RTCPeerConnection,
    offerSdp: string,
    microphone: MediaStream,
  ) {
    this.settled = this.prepare(offerSdp, microphone);
  }

  /**
   * Starts preparing the answer to `session`'s offer with the call's open microphone; undefined
   * when the session is no longer waiting for an answer.
   */
  static start(
    session: RTCSession,
    offerSdp: string,
    microphone: MediaStream,
    pcConfig: RTCConfiguration,
  ): PreparedAnswer | undefined {
    // The pool gathers while the call rings; setLocalDescription then takes those candidates.
    const connection = connectBeforeAnswer(session, { ...pcConfig, iceCandidatePoolSize: 1 });
    return connection && new PreparedAnswer(session, connection, offerSdp, microphone);
  }

  /**
   * At Accept: true when JsSIP's answer() will take the prepared connection and answer (call it
   * without a media stream); false when preparing failed, and the connection was given up so
   * that answer() makes its own as it would have without preparation (and reports the same
   * failure if the offer is at fault).
   */
  async use(): Promise<boolean> {
    const ready = await this.settled;
    if (ready && this.answer) {
      answerAlreadyCreated(this.connection, this.answer);
      return true;
    }
    disconnectBeforeAnswer(this.session);
    return false;
  }

  private async prepare(offerSdp: string, microphone: MediaStream): Promise<boolean> {
    try {
      // In JsSIP's own order: the track first, so the offer's audio m-line takes its sender.
      for (const track of microphone.getAudioTracks()) this.connection.addTrack(track, microphone);
      await this.connection.setRemoteDescription({ type: 'offer', sdp: offerSdp });
      this.answer = await this.connection.createAnswer();
      return true;
    } catch {
      // Closed (the caller gave up) or refused: answer() starts over, and says why if it fails.
      return false;
    }
  }
}
