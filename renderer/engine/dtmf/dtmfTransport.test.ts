import { describe, expect, it } from 'vitest';
import { chooseDtmfVia, negotiatesTelephoneEvent } from './dtmfTransport';

describe('DTMF transport', () => {
  it('finds telephone-event in an SDP', () => {
    const sdp =
      'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111 126\r\na=rtpmap:111 opus/48000/2\r\na=rtpmap:126 telephone-event/8000\r\n';
    expect(negotiatesTelephoneEvent(sdp)).toBe(true);
    expect(negotiatesTelephoneEvent(sdp.replace(/a=rtpmap:126.*\r\n/, ''))).toBe(false);
    expect(negotiatesTelephoneEvent(undefined)).toBe(false);
  });

  it('auto uses RFC 4733 when possible and SIP INFO otherwise', () => {
    expect(chooseDtmfVia('auto', true)).toBe('rfc4733');
    expect(chooseDtmfVia('auto', false)).toBe('info');
  });

  it('a forced mode is honoured or refused, never swapped', () => {
    expect(chooseDtmfVia('info', true)).toBe('info');
    expect(chooseDtmfVia('rfc4733', true)).toBe('rfc4733');
    expect(chooseDtmfVia('rfc4733', false)).toBeUndefined();
  });
});
