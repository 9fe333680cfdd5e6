/**
 * The device-choice rules (B1), pure so they are tested without any device:
 * - no choice: the system default, which follows the OS when its default changes;
 * - a choice that is plugged in: that device, found by its stable fields;
 * - a choice that is missing (unplugged): the system default stands in, marked `fallback`,
 *   and the choice is kept, so the device is used again as soon as it is back.
 *
 * Matching: deviceIds may change when a device is plugged again, and groupIds are not
 * guaranteed stable either, so a device is recognised by kind and label (the name the OS
 * gives it). When several devices share kind and label (two headsets of one model), the same
 * groupId, then the same deviceId, break the tie.
 */
import type {
  AudioDevice,
  AudioDeviceChoice,
  AudioDeviceKind,
  AudioRole,
} from '../../common/contract';

/** The deviceId that means "the system default" to getUserMedia and setSinkId. */
export const SYSTEM_DEFAULT = '';

/**
 * Chromium lists the OS default as an extra entry with this id (and "communications" on
 * Windows): not a device of its own, never offered as a choice.
 */
const PSEUDO_DEVICE_IDS = new Set(['default', 'communications']);

export function kindOf(role: AudioRole): AudioDeviceKind {
  return role === 'microphone' ? 'audioinput' : 'audiooutput';
}

/** The real devices of a role, as the settings screen lists them. */
export function devicesFor(role: AudioRole, devices: readonly AudioDevice[]): AudioDevice[] {
  const kind = kindOf(role);
  return devices.filter(
    (device) => device.kind === kind && !PSEUDO_DEVICE_IDS.has(device.deviceId) && device.label,
  );
}

/** What the agent's pick of `device` is stored as. */
export function choiceOf(device: AudioDevice): AudioDeviceChoice {
  return {
    kind: device.kind,
    label: device.label,
    groupId: device.groupId,
    deviceId: device.deviceId,
  };
}

/** The plugged-in device a stored choice means, if it is plugged in. */
export function findChosen(
  choice: AudioDeviceChoice,
  devices: readonly AudioDevice[],
): AudioDevice | undefined {
  const named = devices.filter(
    (device) =>
      device.kind === choice.kind &&
      device.label === choice.label &&
      !PSEUDO_DEVICE_IDS.has(device.deviceId),
  );
  return (
    named.find((device) => device.groupId === choice.groupId) ??
    named.find((device) => device.deviceId === choice.deviceId) ??
    named[0]
  );
}

export interface Resolved {
  /** The deviceId to use; SYSTEM_DEFAULT for the system default. */
  readonly deviceId: string;
  /** The chosen device is missing and the system default stands in. */
  readonly fallback: boolean;
  /** The label of the device actually used, when the OS lists it. */
  readonly label: string;
}

/** The device a role uses, given the agent's choice and what is plugged in. */
export function resolveRole(
  role: AudioRole,
  choice: AudioDeviceChoice | undefined,
  devices: readonly AudioDevice[],
): Resolved {
  const found = choice ? findChosen(choice, devices) : undefined;
  if (found) return { deviceId: found.deviceId, fallback: false, label: found.label };
  return {
    deviceId: SYSTEM_DEFAULT,
    fallback: choice !== undefined,
    label: defaultLabel(role, devices),
  };
}

/**
 * The name of the OS's current default device for the role. Chromium's "default" entry is
 * labelled "Default - <device>"; without it (other platforms), the first device of the kind.
 */
export function defaultLabel(role: AudioRole, devices: readonly AudioDevice[]): string {
  const kind = kindOf(role);
  const entry =
    devices.find((device) => device.kind === kind && device.deviceId === 'default') ??
    devices.find((device) => device.kind === kind);
  return entry?.label ?? '';
}

/** What changed for a role between two resolutions: what the agent is told. */
export type RoleChange = 'fellBack' | 'returned' | 'none';

export function roleChange(before: Resolved | undefined, after: Resolved): RoleChange {
  if (!before) return after.fallback ? 'fellBack' : 'none';
  if (!before.fallback && after.fallback) return 'fellBack';
  if (before.fallback && !after.fallback && after.deviceId !== SYSTEM_DEFAULT) return 'returned';
  return 'none';
}
