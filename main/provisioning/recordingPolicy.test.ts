/**
 * The machine policy over recording (D9, A3): the profile's `recording` fields and the
 * settings file's recordings folder are IT's to set and lock like any other key.
 */
import { describe, expect, it } from 'vitest';
import { everyPolicyKey, isLocked, mergeWithPolicy } from './mergePolicy';
import { settingsPolicyOf } from './SettingsPolicy';
import { validatePolicy, validateProfile } from './validateProfile';

const USER = validateProfile({
  schemaVersion: 1,
  servers: ['wss://pbx.example.com/ws'],
  identity: { sipUri: 'sip:agent@example.com' },
  recording: { allowed: true, automatic: true },
});

function policy(json: unknown) {
  const result = validatePolicy(json);
  if (!result.ok) throw new Error(`${result.path}: ${result.reason}`);
  return result.policy;
}

describe('recording in the machine policy', () => {
  it("switches off the profile's recording field by field and locks only what it set", () => {
    if (!USER.ok) throw new Error(USER.reason);
    const merged = mergeWithPolicy(USER.profile, policy({ recording: { allowed: false } }));
    expect(merged.profile?.recording).toEqual({ allowed: false, automatic: true });
    expect(merged.lockedKeys).toEqual(['recording.allowed']);
  });

  it('locks the listen-in fields a policy sets', () => {
    if (!USER.ok) throw new Error(USER.reason);
    const merged = mergeWithPolicy(USER.profile, policy({ supervision: { listenIn: false } }));
    expect(merged.profile?.supervision.listenIn).toBe(false);
    expect(merged.lockedKeys).toEqual(['supervision.listenIn']);
  });

  it("reads the policy's recordings folder into the settings policy and locks it", () => {
    const parsed = policy({ recordingsFolder: '\\\\server\\recordings' });
    expect(settingsPolicyOf(parsed).recordingsFolder).toBe('\\\\server\\recordings');
    const { lockedKeys } = mergeWithPolicy(undefined, parsed);
    expect(lockedKeys).toEqual(['recordingsFolder']);
  });

  it('locks recording and the recordings folder when the policy file cannot be read', () => {
    const locked = everyPolicyKey();
    expect(locked).toEqual(expect.arrayContaining(['recording', 'recordingsFolder']));
    expect(isLocked(locked, 'recordingsFolder')).toBe(true);
  });

  it('refuses an empty recordings folder in a policy', () => {
    expect(validatePolicy({ recordingsFolder: '  ' }).ok).toBe(false);
  });
});
