/**
 * Audio devices (B1, B4): what the engine sees of the OS's device list, what the agent chose
 * for each role, and what is in use. Labels come from the OS (untrusted text).
 */
import { z } from 'zod';
import { RemoteText } from './primitives';

/** The three jobs a device does for the agent; the ringer is separate from the speaker. */
export const AudioRole = z.enum(['microphone', 'speaker', 'ringer']);
export type AudioRole = z.infer<typeof AudioRole>;

export const AudioDeviceKind = z.enum(['audioinput', 'audiooutput']);
export type AudioDeviceKind = z.infer<typeof AudioDeviceKind>;

/** One entry of enumerateDevices(), as the engine reports it. */
export const AudioDevice = z.object({
  deviceId: z.string().max(256),
  groupId: z.string().max(256),
  kind: AudioDeviceKind,
  label: RemoteText.max(256),
});
export type AudioDevice = z.infer<typeof AudioDevice>;

/**
 * A device the agent chose, kept by its stable fields: deviceIds can change when a device is
 * plugged again (and across OS updates), so the choice is matched by kind and label, with the
 * groupId and the last deviceId only breaking ties between same-named devices.
 */
export const AudioDeviceChoice = z.object({
  kind: AudioDeviceKind,
  label: z.string().min(1).max(256),
  groupId: z.string().max(256),
  deviceId: z.string().max(256),
});
export type AudioDeviceChoice = z.infer<typeof AudioDeviceChoice>;

/**
 * Whether the engine can open a microphone at all (B4): `none` when the OS lists none, `denied`
 * when the OS (or its privacy settings) refuses access; `unknown` until the engine has looked.
 */
export const MicrophoneAccess = z.enum(['unknown', 'granted', 'none', 'denied']);
export type MicrophoneAccess = z.infer<typeof MicrophoneAccess>;

/** Ringtones the engine generates itself (no bundled sound file, nothing to license). */
export const Ringtone = z.enum(['classic', 'soft', 'chirp']);
export type Ringtone = z.infer<typeof Ringtone>;

/** UI language: `system` follows the OS; the others are the bundled locales. */
export const UiLanguage = z.enum(['system', 'en', 'zh-CN', 'ja', 'it']);
export type UiLanguage = z.infer<typeof UiLanguage>;

/** One role as the desk resolved it. */
export const AudioRoleState = z.object({
  /** What the agent chose; absent: System default. */
  chosen: AudioDeviceChoice.optional(),
  /** The deviceId in use; '' is the system default (and follows it when the OS changes it). */
  deviceId: z.string().max(256),
  /** The chosen device is missing (unplugged): the system default stands in until it returns. */
  fallback: z.boolean(),
  /** The machine policy fixes this role; the agent cannot change it. */
  locked: z.boolean(),
});
export type AudioRoleState = z.infer<typeof AudioRoleState>;

export const AudioState = z.object({
  devices: z.array(AudioDevice).max(64),
  roles: z.object({
    microphone: AudioRoleState,
    speaker: AudioRoleState,
    ringer: AudioRoleState,
  }),
  microphoneAccess: MicrophoneAccess,
  ringtone: Ringtone,
  /** 0..1 */
  ringVolume: z.number().min(0).max(1),
  language: UiLanguage,
});
export type AudioState = z.infer<typeof AudioState>;

/** What the engine applies: a deviceId per role ('' = system default). */
export const AudioRouting = z.object({
  microphone: z.string().max(256),
  speaker: z.string().max(256),
  ringer: z.string().max(256),
  /**
   * The label of the device each role plays on or records from: when a role follows the system
   * default and the OS changes its default, the label changes and the engine re-opens it.
   */
  microphoneLabel: z.string().max(256),
  ringtone: Ringtone,
  ringVolume: z.number().min(0).max(1),
});
export type AudioRouting = z.infer<typeof AudioRouting>;
