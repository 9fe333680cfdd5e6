/** The part of the profile state the UI shows: source, locks, servers and identity to prefill. */
import type { DeskState } from '../common/contract';
import type { ProfileState } from './provisioning/ProfileStore';

export function profileSummary(state: ProfileState): NonNullable<DeskState['profile']> {
  const { profile, source } = state;
  return {
    source: source?.kind ?? 'none',
    ...(source?.kind === 'file' ? { location: source.path } : {}),
    ...(source?.kind === 'url' ? { location: source.url } : {}),
    lockedKeys: state.lockedKeys,
    ...(profile ? { servers: profile.servers } : {}),
    ...(profile?.identity ? { identity: profile.identity } : {}),
    ...(state.policyProblem ? { policyProblem: state.policyProblem } : {}),
  };
}
