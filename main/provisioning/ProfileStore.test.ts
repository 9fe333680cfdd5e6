import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/Logger';
import type { PolicyLoadResult, ProfileLoadResult } from './ProfileLoader';
import type { ProvisioningProfile } from './ProfileSchema';
import { everyPolicyKey } from './mergePolicy';
import { type ProfilePersistence, ProfileStore } from './ProfileStore';
import { validatePolicy, validateProfile } from './validateProfile';

const FILE = { kind: 'file', path: '/profiles/a.json' } as const;
const URL_SOURCE = { kind: 'url', url: 'https://prov.example.com/a.json' } as const;

function loaded(json: unknown, source: ProfileLoadResult['source'] = FILE): ProfileLoadResult {
  const result = validateProfile(json);
  return result.ok ? { ...result, source } : { ...result, source };
}

function policyLoaded(json: unknown, file = '/etc/openccp/policy.json'): PolicyLoadResult {
  const result = validatePolicy(json);
  return result.ok ? { ok: true, policy: result.policy, file } : { ...result, file };
}

const profileA = { schemaVersion: 1, servers: ['wss://a.example.com'] };
const profileB = { schemaVersion: 1, servers: ['wss://b.example.com'], ringTimeoutSec: 30 };

/** Persistence in memory, as settings will provide it. */
function memory(initial?: unknown) {
  const saved: ProvisioningProfile[] = [];
  const persistence: ProfilePersistence = {
    load: () => initial,
    save: (profile) => void saved.push(profile),
  };
  return { persistence, saved };
}

describe('ProfileStore', () => {
  it('starts with no profile and no locks', () => {
    expect(new ProfileStore().current()).toEqual({
      profile: undefined,
      lockedKeys: [],
      source: undefined,
      policyProblem: undefined,
      settingsPolicy: {},
    });
  });

  it('puts a good profile in force and remembers it', () => {
    const { persistence, saved } = memory();
    const store = new ProfileStore(persistence);
    expect(store.apply(loaded(profileA, URL_SOURCE))).toEqual({ ok: true });
    expect(store.current().profile?.servers).toEqual(['wss://a.example.com']);
    expect(store.current().source).toEqual(URL_SOURCE);
    expect(saved.map((profile) => profile.servers)).toEqual([['wss://a.example.com']]);
  });

  it('refuses a bad profile whole and keeps the last good one in force', () => {
    const { persistence, saved } = memory();
    const store = new ProfileStore(persistence);
    store.apply(loaded(profileA));
    const bad = {
      ...profileB,
      quickConnects: [{ id: 'x', kind: 'robot', name: 'X', target: '1' }],
    };
    expect(store.apply(loaded(bad, URL_SOURCE))).toEqual({
      ok: false,
      path: 'quickConnects[0].kind',
      reason: 'Must be one of "agent", "queue", "external"',
    });
    // Nothing of the bad profile got in, not even its valid ring timeout.
    expect(store.current().profile?.servers).toEqual(['wss://a.example.com']);
    expect(store.current().profile?.ringTimeoutSec).toBe(20);
    expect(store.current().source).toEqual(FILE);
    expect(saved).toHaveLength(1);
  });

  it('replaces the profile with the next good one', () => {
    const store = new ProfileStore();
    store.apply(loaded(profileA));
    store.apply(loaded(profileB, URL_SOURCE));
    expect(store.current().profile?.servers).toEqual(['wss://b.example.com']);
    expect(store.current().source).toEqual(URL_SOURCE);
  });

  it('starts from the saved profile of the last run', () => {
    const saved = validateProfile(profileB);
    const store = new ProfileStore(memory(saved.ok ? saved.profile : undefined).persistence);
    expect(store.current().profile?.ringTimeoutSec).toBe(30);
    expect(store.current().source).toEqual({ kind: 'saved' });
  });

  it('ignores a saved profile that is no longer valid, and says so in the log', () => {
    const lines: string[] = [];
    const store = new ProfileStore(
      memory({ schemaVersion: 1, servers: 'wss://a.example.com' }).persistence,
      createLogger((line) => lines.push(line)),
    );
    expect(store.current().profile).toBeUndefined();
    expect(lines.join('\n')).toContain('saved profile is invalid');
  });

  it('keeps a good profile in force when it cannot be saved', () => {
    const lines: string[] = [];
    const store = new ProfileStore(
      {
        load: () => undefined,
        save: () => {
          throw new Error('disk full');
        },
      },
      createLogger((line) => lines.push(line)),
    );
    expect(store.apply(loaded(profileA))).toEqual({ ok: true });
    expect(store.current().profile?.servers).toEqual(['wss://a.example.com']);
    expect(lines.join('\n')).toContain('disk full');
  });

  it('applies the machine policy over the profile and locks what it sets', () => {
    const store = new ProfileStore();
    store.apply(loaded(profileB));
    store.applyPolicy(policyLoaded({ ringTimeoutSec: 15, permissions: { outbound: false } }));
    expect(store.current()).toMatchObject({
      profile: { ringTimeoutSec: 15, permissions: { outbound: false, transfer: true } },
      lockedKeys: ['permissions.outbound', 'ringTimeoutSec'],
    });
    // A new profile cannot undo the policy.
    store.apply(loaded({ ...profileA, ringTimeoutSec: 60, permissions: { outbound: true } }));
    expect(store.current().profile).toMatchObject({
      servers: ['wss://a.example.com'],
      ringTimeoutSec: 15,
      permissions: { outbound: false },
    });
  });

  it('saves the user profile, not the one with the policy applied', () => {
    const { persistence, saved } = memory();
    const store = new ProfileStore(persistence);
    store.applyPolicy(policyLoaded({ ringTimeoutSec: 15 }));
    store.apply(loaded(profileB));
    expect(saved[0]?.ringTimeoutSec).toBe(30);
    expect(store.current().profile?.ringTimeoutSec).toBe(15);
  });

  it('reports a bad policy, keeps the previous policy values in force and locks every key', () => {
    const store = new ProfileStore();
    store.apply(loaded(profileA));
    store.applyPolicy(policyLoaded({ autoAccept: { voice: true } }));
    const bad = policyLoaded({ autoAccept: { voice: 'yes' } });
    expect(store.applyPolicy(bad)).toEqual({
      ok: false,
      path: 'autoAccept.voice',
      reason: 'Expected true or false, got text "yes"',
    });
    expect(store.current()).toMatchObject({
      profile: { servers: ['wss://a.example.com'], autoAccept: { voice: true } },
      lockedKeys: everyPolicyKey(),
      policyProblem: {
        file: '/etc/openccp/policy.json',
        path: 'autoAccept.voice',
        reason: 'Expected true or false, got text "yes"',
      },
    });
  });

  it('uses the profile but locks everything a policy could set when the first policy read is bad', () => {
    const store = new ProfileStore();
    store.applyPolicy(policyLoaded('not an object'));
    store.apply(loaded(profileA));
    expect(store.current().lockedKeys).toEqual(
      expect.arrayContaining(['servers', 'identity', 'audio', 'language', 'desktop', 'updates']),
    );
    expect(store.current()).toMatchObject({
      profile: { servers: ['wss://a.example.com'] },
      policyProblem: { path: '(document)' },
    });
  });

  it('drops the locks when the policy file is removed', () => {
    const store = new ProfileStore();
    store.apply(loaded(profileA));
    store.applyPolicy(policyLoaded({ ringTimeoutSec: 15 }));
    store.applyPolicy({ ok: true, policy: undefined, file: '/etc/openccp/policy.json' });
    expect(store.current()).toMatchObject({ lockedKeys: [], profile: { ringTimeoutSec: 20 } });
    expect(store.current().policyProblem).toBeUndefined();
  });

  it('offers a policy-only profile before the agent has one of their own', () => {
    const store = new ProfileStore();
    store.applyPolicy(policyLoaded({ servers: ['wss://corp.example.com'] }));
    expect(store.current()).toMatchObject({
      profile: { servers: ['wss://corp.example.com'] },
      lockedKeys: ['servers'],
      source: undefined,
    });
  });
});
