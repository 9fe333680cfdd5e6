/**
 * Which sign-in fields the machine policy sets (A3): those show the policy's value, read-only,
 * marked as locked. Main refuses a sign-in that differs from them anyway.
 */
import type { DeskState } from '../../../common/contract';
import type { SignInField } from './validateSignIn';

type Profile = NonNullable<DeskState['profile']>;

const FIELD_KEYS: Partial<Record<SignInField, string>> = {
  serverUrl: 'servers',
  sipUri: 'identity.sipUri',
  authUser: 'identity.authUser',
  displayName: 'identity.displayName',
};

export function isKeyLocked(lockedKeys: readonly string[], key: string): boolean {
  return lockedKeys.some((locked) => key === locked || key.startsWith(`${locked}.`));
}

/** The profile's value for a sign-in field, if the profile has one. */
export function profileValue(profile: Profile | undefined, field: SignInField): string | undefined {
  if (!profile) return undefined;
  if (field === 'serverUrl') return profile.servers?.[0];
  if (field === 'sipUri') return profile.identity?.sipUri;
  if (field === 'authUser') return profile.identity?.authUser;
  if (field === 'displayName') return profile.identity?.displayName;
  return undefined;
}

/** The policy-locked value of a field, or undefined when the agent may type it. */
export function lockedValue(profile: Profile | undefined, field: SignInField): string | undefined {
  const key = FIELD_KEYS[field];
  if (!profile || !key || !isKeyLocked(profile.lockedKeys, key)) return undefined;
  const value = profileValue(profile, field);
  // An unreadable policy file locks the servers without naming one, and main refuses every
  // typed server until IT fixes it: the field shows locked and empty rather than inviting typing.
  if (value === undefined && field === 'serverUrl' && profile.policyProblem) return '';
  return value;
}
