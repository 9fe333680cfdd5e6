/**
 * The RTCPeerConnection configuration of every call.
 *
 * Bundle policy 'balanced' (Chromium's default), not 'max-bundle': a call has one audio
 * m-section, so both gather the same candidates and offer the same BUNDLE group, but
 * 'max-bundle' also *requires* the far end to accept BUNDLE. Media relays and gateways in
 * front of plain SIP phones and PSTN trunks (rtpengine, FreeSWITCH, Asterisk without WebRTC
 * options) answer without a BUNDLE group, and offer without one: under 'max-bundle' Chromium
 * refuses such an offer ("max-bundle configured but session description has no BUNDLE
 * group", a 488) and such an answer ("Answer cannot remove m= section ... from an
 * already-established BUNDLE group"). 'balanced' takes BUNDLE where offered and works without.
 *
 * RTCP multiplexing stays 'require': Chromium supports nothing else, and every WebRTC-facing
 * relay offers it (rtpengine demultiplexes towards peers that do not).
 */
export interface IceServerSetting {
  readonly urls: string | string[];
  readonly username?: string | undefined;
  readonly credential?: string | undefined;
}

export function peerConnectionConfig(iceServers: readonly IceServerSetting[]): RTCConfiguration {
  return {
    iceServers: iceServers.map((server) => ({
      urls: server.urls,
      ...(server.username ? { username: server.username } : {}),
      ...(server.credential ? { credential: server.credential } : {}),
    })),
    bundlePolicy: 'balanced',
    rtcpMuxPolicy: 'require',
  };
}
