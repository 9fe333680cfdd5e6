import { describe, expect, it } from 'vitest';
import type { DeskPhoneState } from '../../common/contract';
import { DeskPhoneSetting } from './DeskPhoneSetting';
import type { DeskPhoneSettings } from './deskPhoneSettings';

function setting(
  options: {
    allowed?: boolean;
    saved?: DeskPhoneSettings;
    policy?: Partial<DeskPhoneSettings>;
  } = {},
) {
  let saved = options.saved;
  const published: DeskPhoneState[] = [];
  const policy = options.policy;
  const subject = new DeskPhoneSetting({
    load: () => saved,
    save: (next) => {
      saved = next;
    },
    allowed: () => options.allowed ?? true,
    rules: () => ({ defaultCountry: 'GB', emergencyNumbers: ['999', '112'] }),
    changed: (state) => published.push(state),
    ...(policy
      ? {
          policy: {
            values: () => policy,
            isLocked: (key: string) => Object.keys(policy).some((k) => key === `deskPhone.${k}`),
          },
        }
      : {}),
  });
  return { subject, published, saved: () => saved };
}

describe('desk phone setting', () => {
  it('saves a national number as E.164 through the dialing rules and publishes desk phone mode', () => {
    const { subject, published, saved } = setting();
    expect(subject.set({ mode: 'deskPhone', number: '020 7183 8750' })).toEqual({ ok: true });
    expect(saved()).toEqual({ mode: 'deskPhone', number: '+442071838750' });
    expect(published.at(-1)).toEqual({
      allowed: true,
      mode: 'deskPhone',
      number: '+442071838750',
      locked: false,
    });
  });

  it('refuses an emergency number with the dial reason and saves nothing', () => {
    const { subject, saved } = setting();
    expect(subject.set({ mode: 'deskPhone', number: '999' })).toEqual({
      ok: false,
      reason: 'emergency',
    });
    expect(saved()).toBeUndefined();
  });

  it('refuses desk phone mode without a number', () => {
    const { subject } = setting();
    expect(subject.set({ mode: 'deskPhone', number: '  ' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('refuses a SIP name as the desk phone: it must be a telephone number', () => {
    const { subject } = setting();
    expect(subject.set({ mode: 'deskPhone', number: 'alice' })).toMatchObject({ ok: false });
  });

  it('is refused, and the softphone stays in force, when the profile does not permit it', () => {
    const { subject } = setting({
      allowed: false,
      saved: { mode: 'deskPhone', number: '+442071838750' },
    });
    expect(subject.set({ mode: 'deskPhone', number: '+442071838750' })).toEqual({
      ok: false,
      reason: 'notPermitted',
    });
    expect(subject.snapshot()).toMatchObject({ allowed: false, mode: 'softphone' });
  });

  it("puts the policy's mode and number in force and locks the switch", () => {
    const { subject } = setting({
      saved: { mode: 'softphone' },
      policy: { mode: 'deskPhone', number: '+442071838750' },
    });
    expect(subject.snapshot()).toEqual({
      allowed: true,
      mode: 'deskPhone',
      number: '+442071838750',
      locked: true,
    });
    expect(subject.set({ mode: 'softphone', number: '' })).toEqual({
      ok: false,
      reason: 'settingLocked',
    });
  });

  it('a saved number the rules now refuse leaves the softphone in force', () => {
    const { subject } = setting({ saved: { mode: 'deskPhone', number: '+999' } });
    expect(subject.snapshot().mode).toBe('softphone');
  });

  it('switching back to the softphone keeps the number for next time', () => {
    const { subject, saved } = setting({ saved: { mode: 'deskPhone', number: '+442071838750' } });
    expect(subject.set({ mode: 'softphone', number: '+442071838750' })).toEqual({ ok: true });
    expect(saved()).toEqual({ mode: 'softphone', number: '+442071838750' });
  });
});
