/** What the diagnostics export takes from the running app besides the log (SPEC G6). */
import { arch, release, type } from 'node:os';
import type { AudioDevices } from '../audio/AudioDevices';
import type { AgentDesk } from '../desk/AgentDesk';
import type { ProfileStore } from '../provisioning/ProfileStore';
import type { DiagnosticsInput } from './DiagnosticsReport';

export function diagnosticsSnapshot(
  appVersion: string | undefined,
  desk: AgentDesk,
  audio: AudioDevices,
  profiles: ProfileStore,
): Omit<DiagnosticsInput, 'logLines' | 'history'> {
  const state = desk.snapshot();
  const profile = profiles.current();
  return {
    about: {
      app: appVersion ?? 'unknown',
      electron: process.versions['electron'],
      chromium: process.versions['chrome'],
      node: process.versions.node,
      os: `${type()} ${release()}`,
      arch: arch(),
    },
    devices: { audio: audio.snapshot(), headset: state.headset ?? null },
    registration: { session: state.session.phase, registration: state.registration },
    profile: {
      source: profile.source ?? null,
      profile: profile.profile ?? null,
      lockedKeys: profile.lockedKeys,
      policyProblem: profile.policyProblem ?? null,
      settingsPolicy: profile.settingsPolicy,
    },
  };
}
