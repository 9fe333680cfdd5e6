/**
 * The machine policy's audio and language values (SPEC A3) put over the agent's own settings:
 * what the policy names is what AudioDevices sees as chosen, and what the agent saves never
 * writes the policy's values into their settings file, so lifting the policy gives the agent
 * their own choices back.
 */
import type { AudioDeviceChoice, AudioRole, IntentResult, UiLanguage } from '../../common/contract';
import type { SettingsPolicy } from '../provisioning/SettingsPolicy';
import type { AudioSettings } from '../settings/settingsSchema';
import type { AudioSettingsPort } from './AudioDevices';
import { kindOf } from './deviceChoice';

type AudioKey = keyof NonNullable<SettingsPolicy['audio']>;
const ROLES: readonly AudioRole[] = ['microphone', 'speaker', 'ringer'];

export function audioSettingsWithPolicy(
  own: AudioSettingsPort,
  policy: () => SettingsPolicy,
): AudioSettingsPort {
  return {
    load() {
      const { audio, language } = own.load();
      return { audio: overlay(audio, policy()), language: policy().language ?? language };
    },
    saveAudio(audio) {
      const stored = own.load().audio;
      const next: Record<string, unknown> = { ...audio };
      for (const key of Object.keys(policy().audio ?? {}) as AudioKey[]) {
        if (stored[key] === undefined) delete next[key];
        else next[key] = stored[key];
      }
      // Every key is one of AudioSettings' own, with a value of its own type.
      own.saveAudio(next as AudioSettings);
    },
    saveLanguage(language) {
      if (policy().language === undefined) own.saveLanguage(language);
    },
  };
}

function overlay(audio: AudioSettings, policy: SettingsPolicy): AudioSettings {
  const set = policy.audio ?? {};
  const named = Object.fromEntries(
    ROLES.filter((role) => set[role] !== undefined).map((role) => [
      role,
      byName(role, set[role] ?? ''),
    ]),
  );
  return {
    ...audio,
    ...named,
    ...(set.ringtone !== undefined ? { ringtone: set.ringtone } : {}),
    ...(set.ringVolume !== undefined ? { ringVolume: set.ringVolume } : {}),
  };
}

/** A device chosen by its name alone: ids differ per machine, findChosen matches the label. */
function byName(role: AudioRole, label: string): AudioDeviceChoice {
  return { kind: kindOf(role), label, groupId: '', deviceId: '' };
}

/** Why a ring or language change is refused: the policy fixes what it would change. */
export function audioChangeRefusal(
  change: { ringtone?: unknown; ringVolume?: unknown; language?: UiLanguage },
  isLocked: (key: string) => boolean,
): IntentResult | undefined {
  const locked =
    (change.ringtone !== undefined && isLocked('audio.ringtone')) ||
    (change.ringVolume !== undefined && isLocked('audio.ringVolume')) ||
    (change.language !== undefined && isLocked('language'));
  return locked ? { ok: false, reason: 'settingLocked' } : undefined;
}
