import { describe, expect, it } from 'vitest';
import type { AudioDevice, EngineCommand, UiLanguage } from '../../common/contract';
import { isLocked, mergeWithPolicy } from '../provisioning/mergePolicy';
import { SettingsPolicy } from '../provisioning/SettingsPolicy';
import { AudioSettings } from '../settings/settingsSchema';
import { AudioDevices, type AudioSettingsPort } from './AudioDevices';
import { audioSettingsWithPolicy } from './audioPolicy';
import { lockedAudioRoles } from './lockedAudioRoles';

const laptopMic: AudioDevice = {
  deviceId: 'mic-laptop',
  groupId: 'g1',
  kind: 'audioinput',
  label: 'Built-in Microphone',
};
const jabraMic: AudioDevice = {
  deviceId: 'mic-jabra-7f3a',
  groupId: 'g2',
  kind: 'audioinput',
  label: 'Jabra Evolve2 65',
};

/** AudioDevices on a settings file, under a machine policy (as app.ts builds it). */
function setup(policyJson: unknown) {
  const policy = SettingsPolicy.parse(policyJson);
  const lockedKeys = mergeWithPolicy(undefined, policy).lockedKeys;
  const stored: { audio: AudioSettings; language: UiLanguage } = {
    audio: AudioSettings.parse({ ringtone: 'soft', ringVolume: 0.3 }),
    language: 'en',
  };
  const own: AudioSettingsPort = {
    load: () => stored,
    saveAudio: (audio) => {
      stored.audio = audio;
    },
    saveLanguage: (language) => {
      stored.language = language;
    },
  };
  const sent: EngineCommand[] = [];
  const audio = new AudioDevices({
    engine: { send: (command) => sent.push(command) },
    settings: audioSettingsWithPolicy(own, () => policy),
    lockedRoles: () => lockedAudioRoles(lockedKeys),
    isLocked: (key) => isLocked(lockedKeys, key),
    notify: () => undefined,
    changed: () => undefined,
  });
  audio.handleEngineEvent({
    type: 'audio-devices',
    devices: [laptopMic, jabraMic],
    microphoneAccess: 'granted',
  });
  return { audio, stored };
}

describe('audio settings under a machine policy', () => {
  it('uses the microphone the policy names, found by its name, and shows it locked', () => {
    const { audio } = setup({ audio: { microphone: 'Jabra Evolve2 65' } });
    expect(audio.snapshot().roles.microphone).toMatchObject({
      deviceId: 'mic-jabra-7f3a',
      locked: true,
    });
    expect(audio.choose('microphone', 'mic-laptop')).toEqual({
      ok: false,
      reason: 'settingLocked',
    });
  });

  it('refuses a ringtone or ring volume change the policy fixes, and keeps the policy value', () => {
    const { audio } = setup({ audio: { ringtone: 'chirp', ringVolume: 1 } });
    expect(audio.setRing({ ringtone: 'classic' })).toEqual({ ok: false, reason: 'settingLocked' });
    expect(audio.setRing({ ringVolume: 0.1 })).toEqual({ ok: false, reason: 'settingLocked' });
    expect(audio.snapshot()).toMatchObject({ ringtone: 'chirp', ringVolume: 1 });
  });

  it('lets the agent change what the policy leaves open without saving the policy values', () => {
    const { audio, stored } = setup({ audio: { ringtone: 'chirp' } });
    expect(audio.setRing({ ringVolume: 0.6 })).toEqual({ ok: true });
    expect(stored.audio).toMatchObject({ ringtone: 'soft', ringVolume: 0.6 });
  });

  it('refuses a language change when the policy sets the language, and shows the policy one', () => {
    const { audio, stored } = setup({ language: 'it' });
    expect(audio.setLanguage('ja')).toEqual({ ok: false, reason: 'settingLocked' });
    expect(audio.snapshot().language).toBe('it');
    expect(stored.language).toBe('en');
  });

  it('accepts every change when there is no policy', () => {
    const { audio } = setup({});
    expect(audio.setLanguage('ja')).toEqual({ ok: true });
    expect(audio.setRing({ ringtone: 'classic', ringVolume: 0.2 })).toEqual({ ok: true });
    expect(audio.choose('microphone', 'mic-laptop')).toEqual({ ok: true });
  });
});
