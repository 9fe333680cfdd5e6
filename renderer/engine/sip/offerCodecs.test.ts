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

  it('finds nothing in an SDP without audio, whatever its last line lists', () => {
    expect(offeredAudioCodecs(offer('m=video 4002 RTP/AVP 96'))).toEqual([]);
    expect(offeredAudioCodecs('v=0\r\nm=video 4002 RTP/AVP 0 8')).toEqual([]);
  });

  it('reads an audio section that starts the text, and line ends without CR', () => {
    expect(offeredAudioCodecs('m=audio 4000 RTP/AVP 8\na=rtpmap:8 PCMA/8000')).toEqual(['PCMA']);
    expect(offeredAudioCodecs(offer('m=audio 4000 RTP/AVP 0').replaceAll('\r\n', '\n'))).toEqual([
      'PCMU',
    ]);
  });

  it('names every static payload type RFC 3551 gives a voice codec', () => {
    expect(offeredAudioCodecs(offer('m=audio 4000 RTP/AVP 0 3 4 8 9 18'))).toEqual([
      'PCMU',
      'GSM',
      'G723',
      'PCMA',
      'G722',
      'G729',
    ]);
  });

  it('leaves out comfort noise, redundancy, FEC, retransmission and DTMF', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 3 13 100 101 102 103', [
      'a=rtpmap:13 CN/8000',
      'a=rtpmap:100 red/48000/2',
      'a=rtpmap:101 telephone-event/8000',
      'a=rtpmap:102 ulpfec/48000',
      'a=rtpmap:103 rtx/48000',
    ]);
    expect(offeredAudioCodecs(sdp)).toEqual(['GSM']);
  });

  it('does not let a later section rename a payload type of the audio section', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 96', [
      'a=rtpmap:96 GSM/8000',
      'm=video 4002 RTP/AVP 96',
      'a=rtpmap:96 VP8/90000',
    ]);
    expect(offeredAudioCodecs(sdp)).toEqual(['GSM']);
  });

  it('reads rtpmap lines only at the start of a line, with any spacing before the name', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 96 97', [
      'a=rtpmap:96  GSM/8000',
      'a=fmtp:97 note=a=rtpmap:97 PCMU/8000',
    ]);
    expect(offeredAudioCodecs(sdp)).toEqual(['GSM']);
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
    expect(noCommonAudioCodec('  \r\n', CHROMIUM)).toBeUndefined();
  });

  it('matches a codec only by its whole name after the audio/ prefix', () => {
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 3'), ['video/GSM', 'audio/GSMX'])).toBe(
      'No audio codec in common: the caller offered GSM',
    );
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 3'), ['AUDIO/gsm'])).toBeUndefined();
  });

  it('does not judge when the browser reports no capabilities', () => {
    expect(noCommonAudioCodec(offer('m=audio 4000 RTP/AVP 3'), [])).toBeUndefined();
  });

  it('compares codec names regardless of case', () => {
    const sdp = offer('m=audio 4000 RTP/AVP 111', ['a=rtpmap:111 OPUS/48000/2']);
    expect(noCommonAudioCodec(sdp, ['audio/opus'])).toBeUndefined();
  });
});
