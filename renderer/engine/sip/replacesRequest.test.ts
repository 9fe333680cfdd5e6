import { describe, expect, it } from 'vitest';
import type { RequestOffer } from './referRequest';
import { pendingReplaces, replacingParty } from './replacesRequest';

/** A stand-in for JsSIP's 'replaces' event: records the replies the INVITE gets. */
function offer() {
  const replies: Array<[number, string | undefined]> = [];
  const rejected: number[] = [];
  const request = {
    from: { uri: { toString: () => 'sip:intruder@evil.example' } },
    reply: (status: number, reason?: string) => replies.push([status, reason]),
  };
  const event = {
    request,
    accept: () => undefined,
    reject: () => rejected.push(486),
  } as unknown as RequestOffer;
  return { event, replies, rejected };
}

describe('pendingReplaces', () => {
  it('refuses with 403 Replaces Not Allowed, not with JsSIP reject()s 486', () => {
    const { event, replies, rejected } = offer();
    pendingReplaces(event).refuse();
    expect(replies).toEqual([[403, 'Replaces Not Allowed']]);
    expect(rejected).toEqual([]);
  });

  it('answers the INVITE only once however often it is refused', () => {
    const { event, replies } = offer();
    const pending = pendingReplaces(event);
    pending.refuse();
    pending.refuse();
    expect(replies).toHaveLength(1);
  });

  it('names the party asking by the From URI', () => {
    expect(replacingParty(offer().event)).toBe('sip:intruder@evil.example');
  });
});
