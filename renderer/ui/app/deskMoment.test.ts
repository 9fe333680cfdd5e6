import { describe, expect, it } from 'vitest';
import type { DeskState } from '../../../common/contract';
import { connectedContact } from '../shared/renderMarkup.testkit';
import { deskMoment, MOMENT_NOTICES } from './deskMoment';

const agent = (statusId: string) => ({ statusId }) as unknown as DeskState['agent'];

describe('deskMoment', () => {
  it('changes when the contact changes state (a sign-out refused on a call is not about ACW)', () => {
    const onCall = deskMoment({ contacts: [connectedContact()], agent: agent('available') });
    const acw = deskMoment({
      contacts: [connectedContact({ state: 'acw' })],
      agent: agent('available'),
    });
    expect(acw).not.toBe(onCall);
  });

  it('changes when another contact opens, or none, or the status changes', () => {
    const first = deskMoment({ contacts: [connectedContact()], agent: agent('available') });
    expect(
      deskMoment({ contacts: [connectedContact({ id: 'c2' })], agent: agent('available') }),
    ).not.toBe(first);
    expect(deskMoment({ contacts: [], agent: agent('available') })).not.toBe(first);
    expect(deskMoment({ contacts: [connectedContact()], agent: agent('break') })).not.toBe(first);
  });

  it('stays the same while the same contact stays in the same state (hold, mute, notes)', () => {
    const a = deskMoment({ contacts: [connectedContact()], agent: agent('available') });
    const b = deskMoment({
      contacts: [connectedContact({ hold: 'held', muted: true })],
      agent: agent('available'),
    });
    expect(b).toBe(a);
  });
});

describe('MOMENT_NOTICES', () => {
  it('holds the notices about a contact, not those about the app (line down, repaired files)', () => {
    expect(MOMENT_NOTICES.has('holdFailed')).toBe(true);
    expect(MOMENT_NOTICES.has('transferFailed')).toBe(true);
    expect(MOMENT_NOTICES.has('connectionLost')).toBe(false);
    expect(MOMENT_NOTICES.has('settingsRepaired')).toBe(false);
    expect(MOMENT_NOTICES.has('registrationFailed')).toBe(false);
  });
});
