/**
 * Enforces the machine policy on a sign-in (A3): the UI shows locked fields read-only, but a
 * renderer is not trusted, so main refuses values that differ from what IT locked.
 */
import type { SignInError, ValidSignInRequest } from '../common/contract';
import { isLocked } from './provisioning/mergePolicy';
import type { ProfileState } from './provisioning/ProfileStore';

export function policyRefusal(
  request: ValidSignInRequest,
  state: ProfileState,
): SignInError | undefined {
  const { profile, lockedKeys } = state;
  // An unreadable policy file locks the servers without naming any: nothing typed is allowed
  // until IT fixes the file (the notice says which file and why).
  if (!profile) {
    return state.policyProblem && isLocked(lockedKeys, 'servers')
      ? { code: 'lockedByPolicy', field: 'serverUrl' }
      : undefined;
  }
  if (isLocked(lockedKeys, 'servers') && !profile.servers.includes(request.serverUrl)) {
    return { code: 'lockedByPolicy', field: 'serverUrl' };
  }
  const identity = profile.identity;
  if (identity && isLocked(lockedKeys, 'identity.sipUri') && identity.sipUri !== request.sipUri) {
    return { code: 'lockedByPolicy', field: 'sipUri' };
  }
  return undefined;
}

/** The profile's servers in failover order, starting with the one the agent signed in to. */
export function failoverServers(request: ValidSignInRequest, state: ProfileState): string[] {
  const servers = state.profile?.servers ?? [];
  if (!servers.includes(request.serverUrl)) return [request.serverUrl];
  return [request.serverUrl, ...servers.filter((server) => server !== request.serverUrl)];
}
