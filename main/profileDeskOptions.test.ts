import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deskOptionsFromProfile } from './profileDeskOptions';
import { validateProfile } from './provisioning/validateProfile';

const example = JSON.parse(
  readFileSync(new URL('./provisioning/fixtures/example-profile.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function profileWith(overrides: Record<string, unknown>) {
  const result = validateProfile({ ...example, ...overrides });
  if (!result.ok) throw new Error(`${result.path}: ${result.reason}`);
  return result.profile;
}

describe('desk options from the profile', () => {
  it('is empty without a profile, so settings and defaults stay in force', () => {
    expect(deskOptionsFromProfile(undefined)).toEqual({});
  });

  it('maps timeouts, auto-accept, custom statuses and dialing rules', () => {
    const options = deskOptionsFromProfile(
      profileWith({
        ringTimeoutSec: 12,
        acwTimeoutSec: 45,
        autoAccept: { voice: true, chat: false, beep: false },
        statuses: [{ id: 'coaching', label: 'Coaching' }],
        dialing: { defaultCountry: 'GB' },
      }),
    );
    expect(options).toMatchObject({
      ringTimeoutMs: 12_000,
      acwTimeoutMs: 45_000,
      autoAccept: { voice: true, beep: false },
      customStatuses: [{ id: 'coaching', label: 'Coaching', kind: 'custom' }],
      dialingRules: { defaultCountry: 'GB' },
    });
    // Without translations in the profile, none are invented.
    expect(options.customStatuses?.[0]).not.toHaveProperty('labels');
  });

  it("passes a status's per-language labels through, and never marks it a preset", () => {
    const options = deskOptionsFromProfile(
      profileWith({ statuses: [{ id: 'break', label: 'Coffee', labels: { ja: 'コーヒー' } }] }),
    );
    expect(options.customStatuses).toEqual([
      { id: 'break', label: 'Coffee', kind: 'custom', labels: { ja: 'コーヒー' } },
    ]);
  });
});

describe('in-call options from the profile', () => {
  it('maps permissions, SIP header names, wrap-up codes with their translations and DTMF mode', () => {
    const options = deskOptionsFromProfile(
      profileWith({
        permissions: { transfer: false, conference: true },
        sipHeaders: { queueName: 'P-Queue', callback: 'P-Callback' },
        wrapUp: {
          codes: [{ id: 'sold', label: 'Sold', labels: { it: 'Venduto' } }],
          required: true,
        },
        dtmf: 'info',
      }),
    );
    expect(options).toMatchObject({
      permissions: { transfer: false, conference: true },
      sipHeaders: { queueName: 'P-Queue', callback: 'P-Callback' },
      wrapUp: { codes: [{ id: 'sold', label: 'Sold', labels: { it: 'Venduto' } }], required: true },
      dtmfMode: 'info',
    });
  });

  it("takes the example profile's wrap-up list as it is", () => {
    const options = deskOptionsFromProfile(profileWith({}));
    expect(options.wrapUp?.codes.map((code) => code.id)).toEqual([
      'resolved',
      'escalated',
      'callback-booked',
    ]);
    expect(options.dtmfMode).toBe('auto');
  });
});

describe('a profile the dialer cannot use', () => {
  it('is refused at validation with the path of the bad number, never accepted and then thrown on apply', () => {
    for (const entry of ['1234567', '+1', '1']) {
      const result = validateProfile({
        ...example,
        dialing: { defaultCountry: 'US', blockedNumbers: ['+17347644357', entry] },
      });
      expect(result).toMatchObject({ ok: false, path: 'dialing.blockedNumbers[1]' });
    }
    const fine = validateProfile({
      ...example,
      dialing: { defaultCountry: 'US', blockedNumbers: ['+17347644357', '411'] },
    });
    expect(fine.ok).toBe(true);
    if (fine.ok) expect(() => deskOptionsFromProfile(fine.profile)).not.toThrow();
  });
});
