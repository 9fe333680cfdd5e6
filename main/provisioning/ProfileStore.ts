/**
 * The profile in force. It changes only to another good profile: a refused load leaves the
 * previous one in force, so a typo on the provisioning server or an unreachable URL never takes
 * an agent's working setup away. The last good user profile is saved through a port (settings
 * implement it) and comes back on the next start before any source has been read.
 *
 * The machine policy is held next to it and applied on read, so changing either one re-locks.
 */
import type { Logger } from '../log/Logger';
import { everyPolicyKey, mergeWithPolicy } from './mergePolicy';
import type { PolicyLoadResult, ProfileLoadResult, ProfileSource } from './ProfileLoader';
import type { ProfilePolicy } from './ProfilePolicy';
import type { ProfileProblem } from './ProfileProblem';
import type { ProvisioningProfile } from './ProfileSchema';
import { settingsPolicyOf, type SettingsPolicy } from './SettingsPolicy';
import { validateProfile } from './validateProfile';

export interface ProfilePersistence {
  /** What was saved last, as stored: read back through the schema, never trusted as typed. */
  load(): unknown;
  save(profile: ProvisioningProfile): void;
}

export interface ProfileState {
  /** The user's profile with the policy applied; undefined before any good profile. */
  profile: ProvisioningProfile | undefined;
  /** Keys the policy set; the UI shows them locked (see mergePolicy for the granularity). */
  lockedKeys: string[];
  /** Where the user's profile came from. */
  source: ProfileSource | undefined;
  /** Why the machine policy file was refused, for the notice and the diagnostics export. */
  policyProblem: (ProfileProblem & { file: string }) | undefined;
  /** The policy's values for the agent's own settings (audio, language, desktop, updates). */
  settingsPolicy: SettingsPolicy;
}

export type ApplyResult = { ok: true } | ({ ok: false } & ProfileProblem);

export class ProfileStore {
  private user: { profile: ProvisioningProfile; source: ProfileSource } | undefined;
  private policy: ProfilePolicy | undefined;
  private policyProblem: (ProfileProblem & { file: string }) | undefined;
  private state: ProfileState;

  constructor(
    private readonly persistence?: ProfilePersistence,
    private readonly logger?: Logger,
  ) {
    this.user = this.restore();
    this.state = this.compute();
  }

  current(): ProfileState {
    return this.state;
  }

  /** Puts a loaded profile in force, or refuses it and keeps the one in force. */
  apply(result: ProfileLoadResult): ApplyResult {
    if (!result.ok) {
      this.logger?.warn('profile: refused', {
        source: result.source.kind,
        path: result.path,
        reason: result.reason,
      });
      return { ok: false, path: result.path, reason: result.reason };
    }
    this.user = { profile: result.profile, source: result.source };
    this.state = this.compute();
    try {
      this.persistence?.save(result.profile);
    } catch (error) {
      // The profile is good and in force; it is only not remembered for the next start.
      this.logger?.warn('profile: could not save the last good profile', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
    return { ok: true };
  }

  /**
   * Puts the machine policy in force. A refused policy file keeps the values of the policy that
   * was in force (none at start-up), is reported, and locks every key a policy can set: the
   * file may have set any of them, and an unreadable policy must not silently grant. The
   * user's profile stays in force either way.
   */
  applyPolicy(result: PolicyLoadResult): ApplyResult {
    if (result.ok) {
      this.policy = result.policy;
      this.policyProblem = undefined;
    } else {
      this.policyProblem = { file: result.file, path: result.path, reason: result.reason };
      this.logger?.warn('profile: machine policy refused', { ...this.policyProblem });
    }
    this.state = this.compute();
    return result.ok ? { ok: true } : { ok: false, path: result.path, reason: result.reason };
  }

  private compute(): ProfileState {
    const { profile, lockedKeys } = mergeWithPolicy(this.user?.profile, this.policy);
    return {
      profile,
      lockedKeys: this.policyProblem ? everyPolicyKey() : lockedKeys,
      source: this.user?.source,
      policyProblem: this.policyProblem,
      settingsPolicy: settingsPolicyOf(this.policy),
    };
  }

  private restore(): { profile: ProvisioningProfile; source: ProfileSource } | undefined {
    let saved: unknown;
    try {
      saved = this.persistence?.load();
    } catch (error) {
      this.logger?.warn('profile: could not read the saved profile', {
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
    if (saved === undefined || saved === null) return undefined;
    const valid = validateProfile(saved);
    if (valid.ok) return { profile: valid.profile, source: { kind: 'saved' } };
    this.logger?.warn('profile: saved profile is invalid, ignored', {
      path: valid.path,
      reason: valid.reason,
    });
    return undefined;
  }
}
