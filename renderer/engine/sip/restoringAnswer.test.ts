import { describe, expect, it } from 'vitest';
import { type MediaDirection, restoringAnswer } from './restoringAnswer';

const sdp = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const theirOffer = sdp([
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'c=IN IP4 0.0.0.0',
  'a=setup:actpass',
  'a=mid:0',
  'a=sendonly',
  'a=rtpmap:111 opus/48000/2',
]);
const ourAnswer = sdp(['v=0', 'm=audio 9 UDP/TLS/RTP/SAVPF 111', 'a=setup:active', 'a=mid:0']);

describe('restoringAnswer', () => {
  it('answers with their side of each agreed direction', () => {
    const agreed = new Map<string, MediaDirection>([['0', 'sendonly']]);
    const answer = restoringAnswer(theirOffer, ourAnswer, (mid) => agreed.get(mid));
    expect(answer).toContain('a=recvonly\r\n');
    expect(answer).not.toMatch(/a=sendonly/);
  });

  it('names the DTLS role they took instead of actpass', () => {
    const answer = restoringAnswer(theirOffer, ourAnswer, () => 'sendrecv');
    expect(answer).toContain('a=setup:passive');
    expect(answer).not.toContain('a=setup:actpass');
    const weWerePassive = ourAnswer.replace('a=setup:active', 'a=setup:passive');
    expect(restoringAnswer(theirOffer, weWerePassive, () => 'sendrecv')).toContain(
      'a=setup:active',
    );
  });

  it('keeps their answer as it is when it already agrees', () => {
    const theirAnswer = theirOffer.replace('a=setup:actpass', 'a=setup:active');
    const ourOffer = ourAnswer.replace('a=setup:active', 'a=setup:actpass');
    expect(restoringAnswer(theirAnswer, ourOffer, () => 'recvonly')).toBe(theirAnswer);
  });

  it('adds a direction where their section had none, and leaves unknown sections alone', () => {
    const withoutDirection = theirOffer.replace('a=sendonly\r\n', '');
    const answer = restoringAnswer(withoutDirection, ourAnswer, () => 'inactive');
    expect(answer).toMatch(/a=mid:0\r\n(.*\r\n)*a=inactive\r\n$/);
    expect(restoringAnswer(theirOffer, ourAnswer, () => undefined)).toContain('a=sendonly');
  });
});
