/** The settings screen's pieces, rendered with the real English catalogue. */
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { AudioDevice, AudioState } from '../../../common/contract';
import { byTestId, renderMarkup, textOf } from '../shared/renderMarkup.testkit';
import { deviceOptions, selectedDevice } from './deviceOptions';
import { DeviceSelect } from './DeviceSelect';
import { fixKey, MicrophoneProblem } from './MicrophoneProblem';
import { languageFor } from './useUiLanguage';

const devices: AudioDevice[] = [
  { deviceId: 'default', groupId: 'a', kind: 'audioinput', label: 'Default - Built-in Mic' },
  { deviceId: 'mic-1', groupId: 'a', kind: 'audioinput', label: 'Built-in Mic' },
  { deviceId: 'mic-2', groupId: 'b', kind: 'audioinput', label: 'Jabra Evolve2 65' },
  { deviceId: 'out-1', groupId: 'b', kind: 'audiooutput', label: 'Jabra Evolve2 65' },
];
const role = { deviceId: '', fallback: false, locked: false };

function audio(overrides: Partial<AudioState> = {}): AudioState {
  return {
    devices,
    roles: { microphone: role, speaker: role, ringer: role },
    microphoneAccess: 'granted',
    ringtone: 'classic',
    ringVolume: 0.8,
    language: 'system',
    ...overrides,
  };
}

describe('settings: device lists', () => {
  it('lists a role’s own devices as the OS names them, without the OS default entry', () => {
    expect(deviceOptions('microphone', devices).map((device) => device.label)).toEqual([
      'Built-in Mic',
      'Jabra Evolve2 65',
    ]);
    expect(deviceOptions('ringer', devices).map((device) => device.deviceId)).toEqual(['out-1']);
  });

  it('selects the device in use, System default otherwise, and the missing choice while unplugged', () => {
    const options = deviceOptions('microphone', devices);
    expect(selectedDevice({ ...role, deviceId: 'mic-2' }, options)).toBe('mic-2');
    expect(selectedDevice(role, options)).toBe('');
    const chosen = { kind: 'audioinput' as const, label: 'Gone', groupId: 'x', deviceId: 'y' };
    expect(selectedDevice({ ...role, chosen, fallback: true }, options)).toBe('missing:Gone');
  });

  it('names the system default by the device the OS uses, and says why a role is locked', () => {
    const locked = audio({
      roles: { microphone: { ...role, locked: true }, speaker: role, ringer: role },
    });
    const html = renderMarkup(
      createElement(DeviceSelect, { role: 'microphone', audio: locked, test: undefined }),
    );
    expect(textOf(html)).toContain('System default (Built-in Mic)');
    expect(byTestId(html, 'settings-microphone-note')?.text).toBe('Set by your IT department');
    expect(html).toMatch(/<select[^>]*disabled/);
  });

  it('tells the agent when the chosen device is unplugged', () => {
    const chosen = {
      kind: 'audiooutput' as const,
      label: 'USB Speaker',
      groupId: 'x',
      deviceId: 'y',
    };
    const html = renderMarkup(
      createElement(DeviceSelect, {
        role: 'speaker',
        audio: audio({
          roles: { microphone: role, speaker: { ...role, chosen, fallback: true }, ringer: role },
        }),
        test: 'speaker',
      }),
    );
    expect(byTestId(html, 'settings-speaker-note')?.text).toMatch(/Not plugged in/);
    expect(textOf(html)).toContain('USB Speaker');
    expect(byTestId(html, 'settings-test-speaker')?.text).toBe('Play test sound');
  });
});

describe('settings: microphone problem (B4)', () => {
  it('names the fix for each OS', () => {
    expect(fixKey('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe('microphone.fixWindows');
    expect(fixKey('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe('microphone.fixMac');
    expect(fixKey('Mozilla/5.0 (X11; Linux x86_64)')).toBe('microphone.fixLinux');
  });

  it('shows nothing while the microphone is usable or not yet known', () => {
    expect(renderMarkup(createElement(MicrophoneProblem, { audio: audio() }))).toBe('');
    expect(
      renderMarkup(
        createElement(MicrophoneProblem, { audio: audio({ microphoneAccess: 'unknown' }) }),
      ),
    ).toBe('');
  });
});

describe('settings: language', () => {
  it('follows the OS for System, and uses the chosen one otherwise', () => {
    expect(languageFor('system', ['it-IT', 'en'])).toBe('it');
    expect(languageFor('system', ['zh-TW'])).toBe('zh-CN');
    expect(languageFor('ja', ['it-IT'])).toBe('ja');
  });
});
