/**
 * The settings file's shape. The file lives in the user's profile where anything can edit or
 * corrupt it, so it is a trust boundary: read through this schema, never trusted as typed.
 */
import { z } from 'zod';
import { AudioDeviceChoice, Ringtone, UiLanguage } from '../../common/contract/audioDevices';
import { DesktopSettings } from '../desktop/desktopSettings';
import { DialingRulesConfig } from '../dialing/DialingRules';
import { DeskPhoneSettings } from '../deskPhone/deskPhoneSettings';

export const SavedSignIn = z.object({
  serverUrl: z.string().max(2048),
  sipUri: z.string().max(256),
  authUser: z.string().max(128),
  displayName: z.string().max(128),
});
export type SavedSignIn = z.infer<typeof SavedSignIn>;

/** The agent's audio devices and ring (B1); an absent device is the system default. */
export const AudioSettings = z.object({
  microphone: AudioDeviceChoice.optional(),
  speaker: AudioDeviceChoice.optional(),
  ringer: AudioDeviceChoice.optional(),
  ringtone: Ringtone.default('classic'),
  ringVolume: z.number().min(0).max(1).default(0.8),
});
export type AudioSettings = z.infer<typeof AudioSettings>;

export const Settings = z.object({
  schemaVersion: z.literal(1).default(1),
  signIn: SavedSignIn.optional(),
  /** The password encrypted by the platform's SecretCipher, base64; never plain text. */
  encryptedPassword: z.string().max(8192).optional(),
  /** The status the agent last chose; restored at the next sign-in (A4). */
  lastStatusId: z.string().min(1).max(64).optional(),
  /** The last good provisioning profile, re-validated by ProfileStore when read. */
  profile: z.unknown().optional(),
  /** Dialing rules until the provisioning profile supplies them (default country US). */
  dialing: DialingRulesConfig.optional(),
  /** Seconds an offer rings before it is released as missed. */
  ringTimeoutSec: z.number().int().min(5).max(120).default(20),
  /** The headset to use when several are plugged in: `vendorId:productId` in hex (B2). */
  headset: z
    .string()
    .regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/i)
    .optional(),
  /** Microphone, speaker and ringer, ringtone and ring volume (B1, A4). */
  audio: AudioSettings.optional(),
  /** The UI language; `system` follows the OS. */
  language: UiLanguage.default('system'),
  /** Shortcuts, widget, start at login and window places (main/desktop/desktopSettings.ts). */
  desktop: DesktopSettings.optional(),
  /** Where call recordings are written (D9); Documents/OpenCCP recordings when not set. */
  recordingsFolder: z.string().min(1).max(4096).optional(),
  /** Softphone or desk phone, and the desk phone's number in E.164 (B3). */
  deskPhone: DeskPhoneSettings.optional(),
});
export type Settings = z.infer<typeof Settings>;

/**
 * The keys of a stored settings object whose values fail their own schema: what a repair
 * drops, keeping everything else. Keys this version does not know belong to a newer version
 * and are not judged.
 */
export function invalidSettingsKeys(stored: Record<string, unknown>): string[] {
  return Object.keys(stored).filter((key) => {
    const field = Settings.shape[key as keyof typeof Settings.shape];
    return field !== undefined && !field.safeParse(stored[key]).success;
  });
}

/** JSON Schema handed to electron-store/conf, which checks every write against it. */
export const settingsJsonSchema = z.toJSONSchema(Settings, { target: 'draft-07', io: 'input' });
