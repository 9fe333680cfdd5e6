import { describe, expect, it } from 'vitest';
import type {
  AudioDevice,
  AudioRole,
  AudioState,
  EngineCommand,
  NoticeCode,
  UiLanguage,
} from '../../common/contract';
import { AudioSettings } from '../settings/settingsSchema';
import { AudioDevices, type AudioSettingsPort } from './AudioDevices';

const laptopMic: AudioDevice = {
  deviceId: 'mic-laptop',
  groupId: 'g1',
  kind: 'audioinput',
  label: 'Built-in Microphone',
};
const headsetMic: AudioDevice = {
  deviceId: 'mic-headset',
  groupId: 'g2',
  kind: 'audioinput',
  label: 'Headset Microphone',
};
const headsetOut: AudioDevice = {
  deviceId: 'out-headset',
  groupId: 'g2',
  kind: 'audiooutput',
  label: 'Headset Earphone',
};

function setup(locked: AudioRole[] = []) {
  const stored: { audio: AudioSettings; language: UiLanguage } = {
    audio: AudioSettings.parse({}),
    language: 'system',
  };
  const settings: AudioSettingsPort = {
    load: () => stored,
    saveAudio: (audio) => {
      stored.audio = audio;
    },
    saveLanguage: (language) => {
      stored.language = language;
    },
  };
  const sent: EngineCommand[] = [];
  const notices: { code: NoticeCode; values: unknown }[] = [];
  const states: AudioState[] = [];
  const audio = new AudioDevices({
    engine: { send: (command) => sent.push(command) },
    settings,
    lockedRoles: () => new Set(locked),
    notify: (_level, code, values) => notices.push({ code, values }),
    changed: (state) => states.push(state),
  });
  const plug = (...devices: AudioDevice[]) =>
    audio.handleEngineEvent({ type: 'audio-devices', devices, microphoneAccess: 'granted' });
  const routings = () =>
    sent.flatMap((command) => (command.type === 'audio-routing' ? [command.routing] : []));
  return { audio, stored, sent, notices, states, plug, routings };
}

describe('AudioDevices', () => {
  it('stores the chosen microphone and tells the engine to use it', () => {
    const { audio, stored, plug, routings } = setup();
    plug(laptopMic, headsetMic, headsetOut);
    expect(audio.choose('microphone', 'mic-headset')).toEqual({ ok: true });
    expect(stored.audio.microphone?.label).toBe('Headset Microphone');
    expect(routings().at(-1)).toMatchObject({ microphone: 'mic-headset', speaker: '' });
  });

  it('refuses a device that is not plugged in, and one of the wrong kind', () => {
    const { audio, plug } = setup();
    plug(laptopMic, headsetOut);
    expect(audio.choose('microphone', 'mic-headset')).toEqual({
      ok: false,
      reason: 'unknownDevice',
    });
    expect(audio.choose('microphone', 'out-headset')).toEqual({
      ok: false,
      reason: 'unknownDevice',
    });
  });

  it('refuses to change a role the machine policy locks', () => {
    const { audio, plug, stored } = setup(['ringer']);
    plug(headsetOut);
    expect(audio.choose('ringer', 'out-headset')).toEqual({ ok: false, reason: 'settingLocked' });
    expect(stored.audio.ringer).toBeUndefined();
    expect(audio.snapshot().roles.ringer.locked).toBe(true);
  });

  it('falls back with a notice on unplug, and returns with a notice on replug under a new id', () => {
    const { audio, plug, notices, routings } = setup();
    plug(laptopMic, headsetMic);
    audio.choose('microphone', 'mic-headset');
    plug(laptopMic);
    expect(routings().at(-1)?.microphone).toBe('');
    expect(audio.snapshot().roles.microphone.fallback).toBe(true);
    expect(notices).toEqual([
      {
        code: 'audioDeviceFallback',
        values: { role: 'microphone', name: 'Headset Microphone' },
      },
    ]);
    plug(laptopMic, { ...headsetMic, deviceId: 'mic-headset-again' });
    expect(routings().at(-1)?.microphone).toBe('mic-headset-again');
    expect(notices.at(-1)).toEqual({
      code: 'audioDeviceReturned',
      values: { role: 'microphone', name: 'Headset Microphone' },
    });
  });

  it('sends the routing again only when it changes, and again to a reloaded engine', () => {
    const { audio, plug, routings } = setup();
    plug(laptopMic);
    const before = routings().length;
    plug(laptopMic);
    expect(routings()).toHaveLength(before);
    audio.handleEngineEvent({ type: 'ready' });
    expect(routings()).toHaveLength(before + 1);
  });

  it('shows a new state only when something changed (a devicechange storm costs nothing)', () => {
    const { plug, states } = setup();
    plug(laptopMic);
    const shown = states.length;
    plug(laptopMic);
    plug(laptopMic);
    expect(states).toHaveLength(shown);
    plug(laptopMic, headsetMic);
    expect(states).toHaveLength(shown + 1);
  });

  it('reports no microphone and a denied one as the reason Available is refused', () => {
    const { audio } = setup();
    expect(audio.microphoneProblem()).toBeUndefined();
    audio.handleEngineEvent({ type: 'audio-devices', devices: [], microphoneAccess: 'none' });
    expect(audio.microphoneProblem()).toBe('noMicrophone');
    audio.handleEngineEvent({ type: 'audio-devices', devices: [], microphoneAccess: 'denied' });
    expect(audio.microphoneProblem()).toBe('microphoneDenied');
  });

  it('keeps the language and ring volume, and shows them in the state', () => {
    const { audio, stored, states } = setup();
    audio.setLanguage('ja');
    audio.setRing({ ringVolume: 0.3 });
    expect(stored.language).toBe('ja');
    expect(states.at(-1)).toMatchObject({ language: 'ja', ringVolume: 0.3, ringtone: 'classic' });
  });

  it('names the microphone in use for the headset hub', () => {
    const { audio, plug } = setup();
    plug(laptopMic, headsetMic);
    audio.choose('microphone', 'mic-headset');
    expect(audio.microphoneLabel()).toBe('Headset Microphone');
  });

  it('gives the headset hub the microphone in use with its group, and the device list', () => {
    const { audio, plug } = setup();
    plug(laptopMic, headsetMic);
    audio.choose('microphone', 'mic-headset');
    const inUse = audio.microphoneInUse();
    expect(inUse.microphone).toMatchObject({ label: 'Headset Microphone', groupId: 'g2' });
    expect(inUse.devices).toEqual([laptopMic, headsetMic]);
  });

  it('gives no microphone to the headset hub before the OS listed any', () => {
    expect(setup().audio.microphoneInUse()).toEqual({ microphone: undefined, devices: [] });
  });

  it('choosing the system default forgets the device', () => {
    const { audio, plug, stored } = setup();
    plug(headsetMic);
    audio.choose('microphone', 'mic-headset');
    audio.choose('microphone', '');
    expect(stored.audio.microphone).toBeUndefined();
    expect(audio.snapshot().roles.microphone).toEqual({
      deviceId: '',
      fallback: false,
      locked: false,
    });
  });
});
