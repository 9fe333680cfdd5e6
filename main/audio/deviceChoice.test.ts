import { describe, expect, it } from 'vitest';
import type { AudioDevice } from '../../common/contract';
import { choiceOf, defaultLabel, devicesFor, resolveRole, roleChange } from './deviceChoice';

const headsetMic: AudioDevice = {
  deviceId: 'mic-1',
  groupId: 'g-headset',
  kind: 'audioinput',
  label: 'Jabra Evolve2 65',
};
const laptopMic: AudioDevice = {
  deviceId: 'mic-2',
  groupId: 'g-laptop',
  kind: 'audioinput',
  label: 'Built-in Microphone',
};
const defaultMic: AudioDevice = {
  deviceId: 'default',
  groupId: 'g-laptop',
  kind: 'audioinput',
  label: 'Default - Built-in Microphone',
};
const headsetOut: AudioDevice = {
  deviceId: 'out-1',
  groupId: 'g-headset',
  kind: 'audiooutput',
  label: 'Jabra Evolve2 65',
};

describe('device-choice rules', () => {
  it('uses the system default when nothing was chosen, without calling it a fallback', () => {
    expect(resolveRole('microphone', undefined, [defaultMic, laptopMic, headsetMic])).toEqual({
      deviceId: '',
      fallback: false,
      label: 'Default - Built-in Microphone',
    });
  });

  it('follows the OS default: the default label names whatever the OS now calls default', () => {
    const switched = { ...defaultMic, label: 'Default - Jabra Evolve2 65', groupId: 'g-headset' };
    expect(resolveRole('microphone', undefined, [switched, laptopMic, headsetMic]).label).toBe(
      'Default - Jabra Evolve2 65',
    );
  });

  it('uses the chosen device while it is plugged in', () => {
    const choice = choiceOf(headsetMic);
    expect(resolveRole('microphone', choice, [defaultMic, laptopMic, headsetMic])).toEqual({
      deviceId: 'mic-1',
      fallback: false,
      label: 'Jabra Evolve2 65',
    });
  });

  it('falls back to the system default when the chosen device is unplugged', () => {
    const choice = choiceOf(headsetMic);
    expect(resolveRole('microphone', choice, [defaultMic, laptopMic])).toMatchObject({
      deviceId: '',
      fallback: true,
    });
  });

  it('finds the device again by kind and label when it comes back with a new deviceId and groupId', () => {
    const choice = choiceOf(headsetMic);
    const replugged = { ...headsetMic, deviceId: 'mic-9', groupId: 'g-new' };
    expect(resolveRole('microphone', choice, [defaultMic, laptopMic, replugged])).toEqual({
      deviceId: 'mic-9',
      fallback: false,
      label: 'Jabra Evolve2 65',
    });
  });

  it('tells two same-named devices apart by groupId, then by deviceId', () => {
    const twin = { ...headsetMic, deviceId: 'mic-twin', groupId: 'g-twin' };
    const choice = choiceOf(twin);
    expect(resolveRole('microphone', choice, [headsetMic, twin]).deviceId).toBe('mic-twin');
    const bothNewGroups = [
      { ...headsetMic, groupId: 'x' },
      { ...twin, groupId: 'y' },
    ];
    expect(resolveRole('microphone', choice, bothNewGroups).deviceId).toBe('mic-twin');
  });

  it('never matches a microphone for a speaker of the same name', () => {
    const choice = choiceOf(headsetOut);
    expect(resolveRole('speaker', choice, [headsetMic]).fallback).toBe(true);
  });

  it('does not offer the OS default pseudo-entries or unlabelled devices as choices', () => {
    const unlabelled = { ...laptopMic, deviceId: 'mic-3', label: '' };
    expect(devicesFor('microphone', [defaultMic, laptopMic, unlabelled, headsetOut])).toEqual([
      laptopMic,
    ]);
  });

  it('names the first device of the kind as default where the OS lists no default entry', () => {
    expect(defaultLabel('speaker', [headsetMic, headsetOut])).toBe('Jabra Evolve2 65');
    expect(defaultLabel('speaker', [headsetMic])).toBe('');
  });

  it('reports fell-back once on unplug and returned once on replug, nothing in between', () => {
    const inUse = { deviceId: 'mic-1', fallback: false, label: 'Jabra' };
    const standIn = { deviceId: '', fallback: true, label: 'Default' };
    expect(roleChange(inUse, standIn)).toBe('fellBack');
    expect(roleChange(standIn, standIn)).toBe('none');
    expect(roleChange(standIn, inUse)).toBe('returned');
    expect(roleChange(inUse, inUse)).toBe('none');
    expect(roleChange(undefined, standIn)).toBe('fellBack');
    expect(roleChange(undefined, inUse)).toBe('none');
  });

  it('does not call it a return when the agent clears a missing choice to the system default', () => {
    const standIn = { deviceId: '', fallback: true, label: 'Default' };
    expect(roleChange(standIn, { deviceId: '', fallback: false, label: 'Default' })).toBe('none');
  });
});
