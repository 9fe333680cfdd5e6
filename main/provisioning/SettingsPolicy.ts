/**
 * The machine policy's keys for the agent's own settings (SPEC A3, G5): what is kept in the
 * settings file rather than in the provisioning profile - audio devices and ring, language,
 * the desktop settings, the headset, and the app's updates. Like the rest of the policy, every
 * key is optional and what IT sets is in force and locked; nothing here has a default, so a
 * policy never locks a field nobody chose.
 *
 * Devices are named as the OS lists them ("Jabra Evolve2 65"): the device ids differ on every
 * machine, the names do not.
 */
import { z } from 'zod';
import { Ringtone, UiLanguage } from '../../common/contract/audioDevices';
import { ShortcutMap } from '../desktop/shortcutMap';

const DeviceName = z
  .string()
  .trim()
  .min(1)
  .max(256)
  .describe('The device as the OS names it, e.g. "Jabra Evolve2 65".');

export const AudioPolicy = z
  .strictObject({
    microphone: DeviceName.optional(),
    speaker: DeviceName.optional(),
    ringer: DeviceName.optional(),
    ringtone: Ringtone.optional(),
    ringVolume: z.number().min(0).max(1).optional().describe('0 to 1.'),
  })
  .describe('Audio devices by name, ringtone and ring volume.');

export const DesktopPolicy = z
  .strictObject({
    startAtLogin: z.boolean().optional(),
    widgetAlwaysOnTop: z.boolean().optional(),
    shortcuts: ShortcutMap.partial()
      .strict()
      .optional()
      .describe('Global shortcuts (Electron accelerators); "" switches one off.'),
  })
  .describe('Start at login, the compact widget and the global shortcuts.');

export const UpdatePolicy = z
  .strictObject({
    disabled: z.boolean().optional().describe('No update checks at all (IT ships updates).'),
    url: z
      .url({ protocol: /^https$/ })
      .max(2048)
      .optional()
      .describe(
        'Generic update server: the folder holding latest.yml / latest-mac.yml / latest-linux.yml.',
      ),
    channel: z.enum(['latest', 'beta']).optional().describe('Which release line to follow.'),
    checkIntervalHours: z.number().int().min(1).max(168).optional().describe('Default 4.'),
  })
  .describe('Automatic updates (README "For IT").');

export const SettingsPolicy = z.strictObject({
  audio: AudioPolicy.optional(),
  language: UiLanguage.optional().describe('The UI language; "system" follows the OS.'),
  headset: z
    .string()
    .regex(/^[0-9a-f]{4}:[0-9a-f]{4}$/i)
    .optional()
    .describe('The headset to use when several are plugged in: vendorId:productId in hex.'),
  desktop: DesktopPolicy.optional(),
  recordingsFolder: z
    .string()
    .min(1)
    .max(4096)
    .optional()
    .describe('The folder call recordings are written to: a full path the agent can write to.'),
  updates: UpdatePolicy.optional(),
});
export type SettingsPolicy = z.output<typeof SettingsPolicy>;

/** The settings part of a policy, without the profile's keys. */
export function settingsPolicyOf(
  policy: Readonly<Record<string, unknown>> | undefined,
): SettingsPolicy {
  if (!policy) return {};
  const picked = Object.fromEntries(
    Object.keys(SettingsPolicy.shape)
      .filter((key) => policy[key] !== undefined)
      .map((key) => [key, policy[key]]),
  );
  // The policy was parsed with these very schemas (ProfilePolicy extends SettingsPolicy).
  return SettingsPolicy.parse(picked);
}
