/**
 * Which audio codecs a far end's SDP offer lists, and whether any is one we can speak.
 *
 * An offer from a gateway or an old phone may list only codecs WebRTC lacks (GSM, G.729,
 * AMR). Chromium then answers with the audio m-line rejected (port 0): the call "connects"
 * and nobody hears anything. Checked before answering, such a call is refused with 488 and the
 * agent is told that no audio path could be agreed, instead of talking into silence.
 */

/** RFC 3551 static payload types that an offer may list without an rtpmap line. */
const STATIC_PAYLOAD_TYPES: Readonly<Record<string, string>> = {
  '0': 'PCMU',
  '3': 'GSM',
  '4': 'G723',
  '8': 'PCMA',
  '9': 'G722',
  '18': 'G729',
};

/** Not voice codecs: they carry digits, comfort noise or redundancy alongside one. */
const AUXILIARY = new Set(['TELEPHONE-EVENT', 'CN', 'RED', 'ULPFEC', 'RTX']);

/** The voice codecs (upper-case names) the first audio m-section of `sdp` offers. */
export function offeredAudioCodecs(sdp: string): string[] {
  const lines = sdp.split(/\r?\n/);
  const start = lines.findIndex((line) => line.startsWith('m=audio '));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.startsWith('m='));
  const section = lines.slice(start, end < 0 ? undefined : end);
  const payloadTypes = (section[0] ?? '').trim().split(/\s+/).slice(3);
  const names = new Map<string, string>();
  for (const line of section) {
    const rtpmap = /^a=rtpmap:(\d+)\s+([^/\s]+)/.exec(line);
    if (rtpmap?.[1] && rtpmap[2]) names.set(rtpmap[1], rtpmap[2].toUpperCase());
  }
  const codecs: string[] = [];
  for (const payloadType of payloadTypes) {
    const name = names.get(payloadType) ?? STATIC_PAYLOAD_TYPES[payloadType];
    if (name && !AUXILIARY.has(name) && !codecs.includes(name)) codecs.push(name);
  }
  return codecs;
}

/**
 * Why the offer cannot carry audio with us, or undefined when it can (or when it carries no
 * SDP at all: then we make the offer ourselves in the answer).
 * `supportedMimeTypes` are the receiver's capabilities, e.g. "audio/opus", "audio/PCMU".
 */
export function noCommonAudioCodec(
  sdp: string | undefined,
  supportedMimeTypes: readonly string[],
): string | undefined {
  // Without SDP the answer carries our offer; without capabilities we cannot judge.
  if (!sdp?.trim() || supportedMimeTypes.length === 0) return undefined;
  const offered = offeredAudioCodecs(sdp);
  const supported = new Set(
    supportedMimeTypes.map((mime) => mime.replace(/^audio\//i, '').toUpperCase()),
  );
  if (offered.some((codec) => supported.has(codec))) return undefined;
  const list = offered.length > 0 ? offered.join(', ') : 'no audio codec';
  return `No audio codec in common: the caller offered ${list}`;
}
