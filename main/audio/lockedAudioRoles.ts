import type { AudioRole } from '../../common/contract';

/**
 * The audio roles the machine policy fixes: `audio` (all of them) or `audio.<role>` among the
 * policy's locked keys. The profile's device names themselves arrive with the profile's audio
 * section; until then a lock keeps the agent's current choice.
 */
export function lockedAudioRoles(lockedKeys: readonly string[]): ReadonlySet<AudioRole> {
  const roles: AudioRole[] = ['microphone', 'speaker', 'ringer'];
  return new Set(
    roles.filter((role) => lockedKeys.includes('audio') || lockedKeys.includes(`audio.${role}`)),
  );
}
