import { describe, expect, it } from 'vitest';
import { voiceContact } from '../desktop/deskState.testkit';
import { lightsFor } from './headsetLights';

const THIRD = { callId: 't1', peer: { number: '+15557654321', displayName: 'Bo Billing' } };

describe('lightsFor: the Hold light', () => {
  it('lights Hold when the customer has left and the consulted party on the line is held', () => {
    const call = voiceContact({
      state: 'connected',
      customerLeft: true,
      hold: 'none',
      thirdParty: { ...THIRD, state: 'connected', hold: 'held' },
    });
    expect(lightsFor({ contacts: [call] })).toMatchObject({ hold: true, offHook: true });
  });

  it('leaves Hold dark while the held customer waits and the consulted party talks', () => {
    const call = voiceContact({
      state: 'connected',
      hold: 'held',
      thirdParty: { ...THIRD, state: 'connected', hold: 'none' },
    });
    expect(lightsFor({ contacts: [call] })).toMatchObject({ hold: false, offHook: true });
  });

  it('lights Hold for a held customer while the third party is still being dialled', () => {
    const call = voiceContact({
      state: 'connected',
      hold: 'held',
      thirdParty: { ...THIRD, state: 'dialing', hold: 'none' },
    });
    expect(lightsFor({ contacts: [call] })).toMatchObject({ hold: true });
  });

  it('lights Hold when both parties on the line are held', () => {
    const call = voiceContact({
      state: 'connected',
      hold: 'holding',
      thirdParty: { ...THIRD, state: 'connected', hold: 'held' },
    });
    expect(lightsFor({ contacts: [call] })).toMatchObject({ hold: true });
  });

  it('lights nothing but Ring and the Ringer while an offer rings and no call is up', () => {
    expect(lightsFor({ contacts: [voiceContact({ state: 'incoming' })] })).toEqual({
      ring: true,
      ringer: true,
      offHook: false,
      onLine: false,
      mute: false,
      hold: false,
    });
  });
});
