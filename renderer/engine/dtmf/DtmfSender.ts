/**
 * Sends DTMF on a connected call (D3) the way dtmfTransport chooses: RFC 4733 in the audio
 * stream where the far end negotiated telephone-event and our sender can carry it, SIP INFO
 * otherwise. Digits are reported as they go: INFO ones by JsSIP's newDTMF, RFC 4733 ones by
 * the sender's tonechange (see CallSession).
 */
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import {
  chooseDtmfVia,
  DTMF_DURATION_MS,
  DTMF_GAP_MS,
  type DtmfMode,
  negotiatesTelephoneEvent,
} from './dtmfTransport';
import type { OutgoingAudio } from '../audio/OutgoingAudio';

export function sendDtmf(
  session: RTCSession,
  connection: RTCPeerConnection | undefined,
  audio: OutgoingAudio,
  digits: string,
  mode: DtmfMode,
): void {
  const sender = audio.audioSender();
  const canSendInAudio =
    negotiatesTelephoneEvent(connection?.remoteDescription?.sdp) &&
    // No track while held: RTCDTMFSender then has nothing to send the events in.
    !!sender?.track &&
    sender.dtmf?.canInsertDTMF === true;
  const via = chooseDtmfVia(mode, canSendInAudio);
  if (!via) throw new Error('RFC 4733 DTMF is not possible on this call now');
  session.sendDTMF(digits.toUpperCase(), {
    transportType: via === 'rfc4733' ? JsSIP.C.DTMF_TRANSPORT.RFC2833 : JsSIP.C.DTMF_TRANSPORT.INFO,
    duration: DTMF_DURATION_MS,
    interToneGap: DTMF_GAP_MS,
  });
}
