/**
 * Applies the machine policy to the user's profile: what IT set wins and is locked.
 *
 * Lock granularity: a top-level value that is a list, a number or a word (servers, statuses,
 * quickConnects, ringTimeoutSec, acwTimeoutSec, dtmf) is locked whole, under its key ("servers").
 * A settings object (identity, routing, permissions, dialing, autoAccept, sipHeaders, wrapUp) is
 * merged field by field and each field the policy sets is locked on its own
 * ("permissions.outbound"), so IT can switch off outbound calls and still leave auto-accept to
 * the agent. Lists inside an
 * object (dialing.blockedNumbers) are fields like any other: replaced and locked whole.
 */
import type { ProfilePolicy } from './ProfilePolicy';
import { ProvisioningProfile } from './ProfileSchema';
import { SettingsPolicy } from './SettingsPolicy';

export interface MergedProfile {
  /**
   * The profile in force. Undefined when there is no user profile and the policy alone is not a
   * complete one (it names no servers): the agent signs in by hand, within lockedKeys.
   */
  profile: ProvisioningProfile | undefined;
  /** Dotted keys the policy set, in schema order: `servers`, `permissions.outbound`, ... */
  lockedKeys: string[];
}

/** Keys that describe the document, not the agent's setup: never merged, never locked. */
const DOCUMENT_KEYS: ReadonlySet<string> = new Set(['$schema', 'schemaVersion']);

export function mergeWithPolicy(
  user: ProvisioningProfile | undefined,
  policy: ProfilePolicy | undefined,
): MergedProfile {
  const merged: Record<string, unknown> = { ...user };
  const lockedKeys: string[] = [];
  // Schema order, not the policy file's order, so lockedKeys is stable.
  for (const key of Object.keys(ProvisioningProfile.shape)) {
    const value: unknown = policy?.[key as keyof ProfilePolicy];
    if (value === undefined || DOCUMENT_KEYS.has(key)) continue;
    if (isPlainObject(value)) {
      const base = merged[key];
      merged[key] = { ...(isPlainObject(base) ? base : {}), ...value };
      for (const field of Object.keys(value)) lockedKeys.push(`${key}.${field}`);
    } else {
      merged[key] = value;
      lockedKeys.push(key);
    }
  }
  // The agent's own settings are not part of the profile: they are only locked here, and main
  // applies their values where each setting is used (settingsPolicyOf).
  for (const key of Object.keys(SettingsPolicy.shape)) {
    const value: unknown = policy?.[key as keyof ProfilePolicy];
    if (value === undefined) continue;
    if (isPlainObject(value)) {
      for (const [field, inner] of Object.entries(value)) {
        if (isPlainObject(inner)) {
          for (const leaf of Object.keys(inner)) lockedKeys.push(`${key}.${field}.${leaf}`);
        } else lockedKeys.push(`${key}.${field}`);
      }
    } else lockedKeys.push(key);
  }
  if (user === undefined && merged.servers === undefined) return { profile: undefined, lockedKeys };
  // Parsing fills the defaults a policy-only profile leaves out. It cannot fail: both inputs are
  // valid and the policy's objects keep every field the profile requires (see ProfilePolicy).
  const profile = ProvisioningProfile.parse({ ...merged, schemaVersion: 1 });
  return { profile, lockedKeys };
}

/**
 * Every key a policy can set, each locked whole: what a policy file that exists but cannot be
 * read or parsed locks, since it may have set any of them (it must not silently grant).
 */
export function everyPolicyKey(): string[] {
  return [...Object.keys(ProvisioningProfile.shape), ...Object.keys(SettingsPolicy.shape)].filter(
    (key) => !DOCUMENT_KEYS.has(key),
  );
}

/**
 * Whether a setting is locked by the policy: the key itself or one of its parents was set by it.
 * `isLocked(keys, 'quickConnects[2].name')` is true when `quickConnects` is locked; asking for a
 * whole object (`'permissions'`) is true only when the policy locked all of it as one value.
 */
export function isLocked(lockedKeys: readonly string[], key: string): boolean {
  return lockedKeys.some(
    (locked) => key === locked || key.startsWith(`${locked}.`) || key.startsWith(`${locked}[`),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
