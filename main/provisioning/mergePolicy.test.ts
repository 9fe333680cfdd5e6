import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { everyPolicyKey, isLocked, mergeWithPolicy } from './mergePolicy';
import type { ProfilePolicy } from './ProfilePolicy';
import type { ProvisioningProfile } from './ProfileSchema';
import { validatePolicy, validateProfile } from './validateProfile';

function profile(json: unknown): ProvisioningProfile {
  const result = validateProfile(json);
  if (!result.ok) throw new Error(`${result.path}: ${result.reason}`);
  return result.profile;
}

function policy(json: unknown): ProfilePolicy {
  const result = validatePolicy(json);
  if (!result.ok) throw new Error(`${result.path}: ${result.reason}`);
  return result.policy;
}

const example = profile(
  JSON.parse(readFileSync(new URL('./fixtures/example-profile.json', import.meta.url), 'utf8')),
);

describe('mergeWithPolicy', () => {
  it('leaves the profile alone and locks nothing without a policy', () => {
    expect(mergeWithPolicy(example, undefined)).toEqual({ profile: example, lockedKeys: [] });
    expect(mergeWithPolicy(example, policy({}))).toEqual({ profile: example, lockedKeys: [] });
  });

  it('overrides single fields of a settings object and locks just those', () => {
    const merged = mergeWithPolicy(
      example,
      policy({ permissions: { outbound: false }, autoAccept: { voice: true } }),
    );
    expect(merged.profile?.permissions).toEqual({ ...example.permissions, outbound: false });
    expect(merged.profile?.autoAccept).toEqual({ voice: true, chat: false, beep: true });
    expect(merged.lockedKeys).toEqual(['permissions.outbound', 'autoAccept.voice']);
    expect(isLocked(merged.lockedKeys, 'permissions.outbound')).toBe(true);
    expect(isLocked(merged.lockedKeys, 'permissions.transfer')).toBe(false);
    expect(isLocked(merged.lockedKeys, 'autoAccept.beep')).toBe(false);
  });

  it('locks the wrap-up requirement alone, and the DTMF mode whole', () => {
    const merged = mergeWithPolicy(example, policy({ wrapUp: { required: false }, dtmf: 'info' }));
    expect(merged.profile?.wrapUp).toEqual({ codes: example.wrapUp.codes, required: false });
    expect(merged.profile?.dtmf).toBe('info');
    expect(merged.lockedKeys).toEqual(['wrapUp.required', 'dtmf']);
    expect(isLocked(merged.lockedKeys, 'wrapUp.codes')).toBe(false);
  });

  it('accepts a policy that requires a code over a profile that lists none', () => {
    const bare = profile({ schemaVersion: 1, servers: ['wss://sip.example.com'] });
    const merged = mergeWithPolicy(bare, policy({ wrapUp: { required: true } }));
    expect(merged.profile?.wrapUp).toEqual({ codes: [], required: true });
  });

  it('replaces and locks lists and numbers whole', () => {
    const merged = mergeWithPolicy(
      example,
      policy({ servers: ['wss://corp.example.com'], quickConnects: [], ringTimeoutSec: 30 }),
    );
    expect(merged.profile?.servers).toEqual(['wss://corp.example.com']);
    expect(merged.profile?.quickConnects).toEqual([]);
    expect(merged.profile?.ringTimeoutSec).toBe(30);
    expect(merged.profile?.statuses).toEqual(example.statuses);
    expect(merged.lockedKeys).toEqual(['servers', 'quickConnects', 'ringTimeoutSec']);
    expect(isLocked(merged.lockedKeys, 'quickConnects[0].name')).toBe(true);
    expect(isLocked(merged.lockedKeys, 'servers')).toBe(true);
    expect(isLocked(merged.lockedKeys, 'serversBackup')).toBe(false);
  });

  it('lists locked keys in schema order, whatever the order in the policy file', () => {
    const merged = mergeWithPolicy(
      example,
      policy({
        sipHeaders: { callback: 'X-CB' },
        dialing: { defaultCountry: 'IT' },
        servers: ['wss://a.example.com'],
      }),
    );
    expect(merged.lockedKeys).toEqual(['servers', 'dialing.defaultCountry', 'sipHeaders.callback']);
  });

  it("keeps the user's other dialing rules when the policy sets some", () => {
    const merged = mergeWithPolicy(
      example,
      policy({ dialing: { defaultCountry: 'GB', blockedNumbers: ['+449090000000'] } }),
    );
    expect(merged.profile?.dialing).toEqual({
      ...example.dialing,
      blockedNumbers: ['+449090000000'],
    });
    expect(isLocked(merged.lockedKeys, 'dialing.blockedNumbers')).toBe(true);
    expect(isLocked(merged.lockedKeys, 'dialing.allowedCountries')).toBe(false);
    // Only a whole-object lock locks the object itself.
    expect(isLocked(merged.lockedKeys, 'dialing')).toBe(false);
  });

  it('never locks the document keys', () => {
    const merged = mergeWithPolicy(example, policy({ schemaVersion: 1, $schema: 'x.json' }));
    expect(merged.lockedKeys).toEqual([]);
    expect(merged.profile?.$schema).toBe(example.$schema);
  });

  it('builds a whole profile, defaults filled, from a policy alone', () => {
    const merged = mergeWithPolicy(
      undefined,
      policy({ servers: ['wss://corp.example.com'], routing: { chatSlots: 3 } }),
    );
    expect(merged.profile).toEqual(
      profile({ schemaVersion: 1, servers: ['wss://corp.example.com'], routing: { chatSlots: 3 } }),
    );
    expect(merged.lockedKeys).toEqual(['servers', 'routing.chatSlots']);
  });

  it('gives no profile, but still the locks, when neither source names servers', () => {
    expect(mergeWithPolicy(undefined, policy({ permissions: { outbound: false } }))).toEqual({
      profile: undefined,
      lockedKeys: ['permissions.outbound'],
    });
    expect(mergeWithPolicy(undefined, undefined)).toEqual({ profile: undefined, lockedKeys: [] });
  });

  it('merges identity onto a profile that had none', () => {
    const shared = profile({ schemaVersion: 1, servers: ['wss://a.example.com'] });
    const merged = mergeWithPolicy(
      shared,
      policy({ identity: { sipUri: 'sip:kiosk@example.com' } }),
    );
    expect(merged.profile?.identity).toEqual({ sipUri: 'sip:kiosk@example.com' });
    expect(merged.lockedKeys).toEqual(['identity.sipUri']);
  });

  it('gives a valid profile for every subset of a policy that sets every key', () => {
    const full = policy({
      servers: ['wss://corp.example.com'],
      identity: { sipUri: 'sip:desk@example.com', displayName: 'Desk 4' },
      statuses: [{ id: 'meeting', label: 'Meeting' }],
      routing: { voice: false },
      quickConnects: [{ id: 'hd', kind: 'external', name: 'Help desk', target: '+15550100' }],
      permissions: { conference: false },
      dialing: { defaultCountry: 'US', emergencyNumbers: ['911'] },
      ringTimeoutSec: 15,
      acwTimeoutSec: 0,
      autoAccept: { beep: false },
      sipHeaders: { queueName: 'X-Queue' },
    });
    const keys = Object.keys(full) as Array<keyof ProfilePolicy>;
    const shared = profile({ schemaVersion: 1, servers: ['wss://a.example.com'] });
    for (let mask = 0; mask < 1 << keys.length; mask++) {
      const subset = Object.fromEntries(
        keys.filter((_, bit) => mask & (1 << bit)).map((key) => [key, full[key]]),
      );
      for (const user of [example, shared]) {
        const merged = mergeWithPolicy(user, subset);
        expect(validateProfile(merged.profile).ok).toBe(true);
        expect(merged.lockedKeys.length).toBeGreaterThanOrEqual(Object.keys(subset).length);
      }
    }
    // 2,048 subsets, each validated twice: about a second idle, several under mutation load.
  }, 30_000);

  it('does not change its inputs', () => {
    const before = structuredClone(example);
    mergeWithPolicy(example, policy({ permissions: { chat: false } }));
    expect(example).toEqual(before);
  });
});

describe('the policy for the agent own settings', () => {
  const user = profile({ schemaVersion: 1, servers: ['wss://a.example.com'] });

  it('locks each audio, desktop and update field it sets, and the language whole', () => {
    const settings = policy({
      audio: { microphone: 'Jabra Evolve2 65', ringVolume: 0.5 },
      language: 'it',
      desktop: { startAtLogin: true, shortcuts: { answer: 'Ctrl+Shift+F9' } },
      updates: { channel: 'beta' },
    });
    expect(mergeWithPolicy(user, settings).lockedKeys).toEqual([
      'audio.microphone',
      'audio.ringVolume',
      'language',
      'desktop.startAtLogin',
      'desktop.shortcuts.answer',
      'updates.channel',
    ]);
  });

  it('leaves the merged profile without the settings keys, so it still parses as a profile', () => {
    const merged = mergeWithPolicy(
      user,
      policy({ language: 'ja', updates: { disabled: true } }),
    ).profile;
    expect(merged && 'language' in merged).toBe(false);
    expect(merged?.servers).toEqual(['wss://a.example.com']);
  });

  it('refuses an unknown settings key rather than ignoring it', () => {
    expect(validatePolicy({ desktop: { startAtLogon: true } })).toMatchObject({
      ok: false,
      path: 'desktop.startAtLogon',
    });
  });

  it('refuses an update server that is not https', () => {
    expect(validatePolicy({ updates: { url: 'http://updates.example.com/' } })).toMatchObject({
      ok: false,
      path: 'updates.url',
    });
  });
});

describe('everyPolicyKey', () => {
  it('lists every profile and settings key a policy can set, and no document key', () => {
    const keys = everyPolicyKey();
    for (const key of [
      'servers',
      'identity',
      'permissions',
      'audio',
      'language',
      'desktop',
      'updates',
      'headset',
    ]) {
      expect(keys).toContain(key);
    }
    expect(keys).not.toContain('$schema');
    expect(keys).not.toContain('schemaVersion');
  });
});
