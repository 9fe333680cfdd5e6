import { describe, expect, it } from 'vitest';
import { noCommonAudioCodec, offeredAudioCodecs } from './offerCodecs';

const CHROMIUM = [
  'audio/opus',
  'audio/G722',
  'audio/PCMU',
  'audio/PCMA',
  'audio/CN',
  'audio/telephone-event',
];

function offer(mLine: string, attributes: string[] = []): string {
  return [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    mLine,
    ...attributes,
    '',
  ].join('\r\n');
}

describe('offeredAudioCodecs', () => {
  it('reads dynamic payload types from rtpmap and static ones from the m-line, without DTMF or comfort noise', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 96 0 8 101 13', [
      'a=rtpmap:96 opus/48000/2',
      'a=rtpmap:101 telephone-event/8000',
    ]);
    expect(offeredAudioCodecs(sdp)).toEqual(['OPUS', 'PCMU', 'PCMA']);
  });

  it('reads only the first audio section, not a video section after it', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 3', [
      'm=video 4002 RTP/AVP 96',
      'a=rtpmap:96 VP8/90000',
    ]);
    expect(offeredAudioCodecs(sdp)).toEqual(['GSM']);
  });

  it('finds nothing in an SDP without audio', () => {
    expect(offeredAudioCodecs(offer('m=video 4002 RTP/AVP 96'))).toEqual([]);
  });
});

describe('noCommonAudioCodec', () => {
  it('accepts an offer with G.711 only', () => {
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 0 8 101'), CHROMIUM)).toBeUndefined();
  });

  it('names the codecs of an offer with nothing WebRTC speaks (GSM, G.729)', () => {
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 3 18 101'), CHROMIUM)).toBe(
      'No audio codec in common: the caller offered GSM, G729',
    );
  });

  it('says so when the audio section lists only DTMF', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 101', ['a=rtpmap:101 telephone-event/8000']);
    expect(noCommonAudioCodec(sdp, CHROMIUM)).toBe(
      'No audio codec in common: the caller offered no audio codec',
    );
  });

  it('lets an INVITE without SDP through: the answer will carry our offer', () => {
    expect(noCommonAudioCodec(undefined, CHROMIUM)).toBeUndefined();
    expect(noCommonAudioCodec('', CHROMIUM)).toBeUndefined();
  });

  it('does not judge when the browser reports no capabilities', () => {
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 3'), [])).toBeUndefined();
  });

  it('compares codec names regardless of case', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 111', ['a=rtpmap:111 OPUS/48000/2']);
    expect(noCommonAudioCodec(sdp, ['audio/opus'])).toBeUndefined();
  });
});
