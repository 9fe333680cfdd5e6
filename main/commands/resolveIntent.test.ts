import { describe, expect, it } from 'vitest';
import type { Contact, VoiceContact } from '../../common/contract';
import {
  activeCall,
  flashIntent,
  legHungUp,
  ringingOffer,
  toggledHold,
  toggledMute,
} from './resolveIntent';

const call = (id: string, fields: Partial<VoiceContact> = {}): VoiceContact => ({
  id,
  channel: 'voice',
  direction: 'inbound',
  state: 'connected',
  peer: { number: '+15551230000', displayName: '' },
  createdAt: 1_000,
  stateSince: 1_000,
  hold: 'none',
  muted: false,
  details: { notes: '' },
  ...fields,
});

const third = (
  state: 'dialing' | 'connected',
  hold: VoiceContact['hold'] = 'none',
): NonNullable<VoiceContact['thirdParty']> => ({
  callId: 't',
  peer: { number: '+15559870000', displayName: '' },
  state,
  hold,
});

const ids = (resolved: { ok: true; value: Contact } | { ok: false; reason: string }) =>
  resolved.ok ? resolved.value.id : resolved.reason;

describe('which offer "answer" takes', () => {
  it('takes the offer ringing', () => {
    expect(ids(ringingOffer([call('ringing', { state: 'incoming' })]))).toBe('ringing');
  });

  it('takes the oldest when more than one rings', () => {
    const contacts = [
      call('newer', { state: 'incoming', createdAt: 2_000 }),
      call('older', { state: 'incoming', createdAt: 1_500 }),
    ];
    expect(ids(ringingOffer(contacts))).toBe('older');
  });

  it('finds none on an empty desk, on a call, or with only wrap-up and missed contacts', () => {
    expect(ids(ringingOffer([]))).toBe('noOffer');
    expect(ids(ringingOffer([call('talking')]))).toBe('noOffer');
    const closed = [call('acw', { state: 'acw' }), call('missed', { state: 'missed' })];
    expect(ids(ringingOffer(closed))).toBe('noOffer');
  });
});

describe('which call "hang up", "toggle mute" and "toggle hold" act on', () => {
  it.each(['dialing', 'accepting', 'connected'] as const)('the call %s', (state) => {
    expect(ids(activeCall([call('acw', { state: 'acw' }), call('live', { state })]))).toBe('live');
  });

  it('never a chat, even one connected', () => {
    const chat = { ...call('chat'), channel: 'chat' } as unknown as Contact;
    expect(ids(activeCall([chat]))).toBe('noActiveCall');
    expect(ids(activeCall([chat, call('live')]))).toBe('live');
  });

  it('none while only an offer rings or the call is over', () => {
    expect(ids(activeCall([call('ringing', { state: 'incoming' })]))).toBe('noActiveCall');
    expect(ids(activeCall([call('acw', { state: 'acw' })]))).toBe('noActiveCall');
    expect(ids(activeCall([call('failed', { state: 'failed' })]))).toBe('noActiveCall');
    expect(ids(activeCall([]))).toBe('noActiveCall');
  });
});

describe('which way a toggle goes', () => {
  it('mutes an unmuted call and unmutes a muted one', () => {
    expect(toggledMute(call('c'))).toBe(true);
    expect(toggledMute(call('c', { muted: true }))).toBe(false);
  });

  it('holds the customer alone on the line, and resumes them once held or being held', () => {
    expect(toggledHold(call('c'))).toEqual({ leg: 'all', hold: true });
    expect(toggledHold(call('c', { hold: 'holding' }))).toEqual({ leg: 'all', hold: false });
    expect(toggledHold(call('c', { hold: 'held' }))).toEqual({ leg: 'all', hold: false });
    expect(toggledHold(call('c', { hold: 'resuming' }))).toEqual({ leg: 'all', hold: true });
  });

  it('holds everyone unless everyone on the line is held already', () => {
    const third = (hold: VoiceContact['hold']) =>
      ({ callId: 't', peer: { number: 'x', displayName: '' }, state: 'connected', hold }) as const;
    expect(toggledHold(call('c', { hold: 'held', thirdParty: third('none') }))).toEqual({
      leg: 'all',
      hold: true,
    });
    expect(toggledHold(call('c', { hold: 'held', thirdParty: third('held') }))).toEqual({
      leg: 'all',
      hold: false,
    });
    // The customer left: the third party alone decides.
    const alone = call('c', { customerLeft: true, thirdParty: third('held') });
    expect(toggledHold(alone)).toEqual({ leg: 'all', hold: false });
  });
});

describe('toggle hold with nobody on the line yet', () => {
  it('asks for hold while the call is still dialing, as nobody is held yet', () => {
    expect(toggledHold(call('c', { state: 'dialing' }))).toEqual({ leg: 'all', hold: true });
  });
});

describe("what a headset's Flash means", () => {
  it('swaps between the parties during a consult with the third party answered', () => {
    expect(flashIntent(call('c', { hold: 'held', thirdParty: third('connected') }))).toBe('swap');
  });

  it('toggles hold with only the customer, while the third party still rings, or in a conference', () => {
    expect(flashIntent(call('c'))).toBe('toggleHold');
    expect(flashIntent(call('c', { hold: 'held', thirdParty: third('dialing') }))).toBe(
      'toggleHold',
    );
    expect(flashIntent(call('c', { thirdParty: third('connected'), conference: true }))).toBe(
      'toggleHold',
    );
  });

  it('toggles hold once the customer has left the consult: there is nobody to swap to', () => {
    const alone = call('c', { customerLeft: true, thirdParty: third('connected') });
    expect(flashIntent(alone)).toBe('toggleHold');
  });
});

describe('which leg the hook put on-hook ends', () => {
  it("ends the third party's leg while consulting them, answered or still ringing", () => {
    expect(legHungUp(call('c', { hold: 'held', thirdParty: third('connected') }))).toBe(
      'thirdParty',
    );
    expect(legHungUp(call('c', { hold: 'held', thirdParty: third('dialing') }))).toBe('thirdParty');
  });

  it('ends the whole call with only the customer, in a conference, or once the customer left', () => {
    expect(legHungUp(call('c'))).toBe('all');
    expect(legHungUp(call('c', { thirdParty: third('connected'), conference: true }))).toBe('all');
    expect(legHungUp(call('c', { customerLeft: true, thirdParty: third('connected') }))).toBe(
      'all',
    );
  });
});
