import type { AudioDevice, AudioRole, AudioRoleState } from '../../../common/contract';

const KIND: Readonly<Record<AudioRole, AudioDevice['kind']>> = {
  microphone: 'audioinput',
  speaker: 'audiooutput',
  ringer: 'audiooutput',
};

/** The devices a role can use; the OS's "default" entries are the System default option. */
export function deviceOptions(role: AudioRole, devices: readonly AudioDevice[]): AudioDevice[] {
  return devices.filter(
    (device) =>
      device.kind === KIND[role] &&
      device.deviceId !== 'default' &&
      device.deviceId !== 'communications',
  );
}

/** The option to show selected: the device in use, the missing choice, or System default. */
export function selectedDevice(state: AudioRoleState, options: readonly AudioDevice[]): string {
  if (state.chosen && state.fallback) return `missing:${state.chosen.label}`;
  return options.some((device) => device.deviceId === state.deviceId) ? state.deviceId : '';
}
