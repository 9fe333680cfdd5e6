/**
 * How DTMF goes out (D3): RFC 4733 telephone-events in the audio stream where the far end
 * negotiated them, SIP INFO (application/dtmf-relay) otherwise; the profile may force one.
 */
export type DtmfMode = 'auto' | 'rfc4733' | 'info';
export type DtmfVia = 'rfc4733' | 'info';

/** Tone length and gap: long enough for any receiver's detector, short enough to feel quick. */
export const DTMF_DURATION_MS = 160;
export const DTMF_GAP_MS = 120;

/** True when an SDP offers or answers telephone-event (RFC 4733). */
export function negotiatesTelephoneEvent(sdp: string | undefined): boolean {
  return sdp !== undefined && /^a=rtpmap:\d+ telephone-event\/\d+/im.test(sdp);
}

/**
 * `canSendInAudio`: the remote SDP has telephone-event and our sender can carry it now (it
 * has a track: not while held). Undefined when the mode cannot be honoured.
 */
export function chooseDtmfVia(mode: DtmfMode, canSendInAudio: boolean): DtmfVia | undefined {
  switch (mode) {
    case 'info':
      return 'info';
    case 'rfc4733':
      return canSendInAudio ? 'rfc4733' : undefined;
    case 'auto':
      return canSendInAudio ? 'rfc4733' : 'info';
  }
}
