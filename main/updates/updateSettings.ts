/**
 * How the app updates itself, from the machine policy's `updates` keys (README "For IT"):
 * a generic server URL, a channel, a check interval, or no checks at all. An MSI install is
 * never updated by the app: IT deploys the next MSI, and the app says so.
 */
import type { SettingsPolicy } from '../provisioning/SettingsPolicy';

export const DEFAULT_CHECK_INTERVAL_HOURS = 4;

/** How the app was installed, which decides who updates it. */
export type InstallKind = 'nsis' | 'msi' | 'dmg' | 'deb' | 'rpm' | 'appImage' | 'unpackaged';

export type UpdateSettings =
  | { enabled: false; why: 'policy' | 'noServer' | 'itManaged' | 'packageManager' | 'unpackaged' }
  | {
      enabled: true;
      /** The generic update server IT runs (policy `updates.url`). */
      feedUrl: string;
      channel: 'latest' | 'beta';
      checkIntervalMs: number;
    };

export function updateSettings(policy: SettingsPolicy, install: InstallKind): UpdateSettings {
  // MSI and the Linux packages are deployed and upgraded by IT's own tools, not by the app.
  if (install === 'msi') return { enabled: false, why: 'itManaged' };
  if (install === 'deb' || install === 'rpm') return { enabled: false, why: 'packageManager' };
  if (install === 'unpackaged') return { enabled: false, why: 'unpackaged' };
  const updates = policy.updates ?? {};
  if (updates.disabled === true) return { enabled: false, why: 'policy' };
  // The project publishes no update server of its own: without IT's, there is nowhere to look.
  if (updates.url === undefined) return { enabled: false, why: 'noServer' };
  return {
    enabled: true,
    feedUrl: updates.url,
    channel: updates.channel ?? 'latest',
    checkIntervalMs: (updates.checkIntervalHours ?? DEFAULT_CHECK_INTERVAL_HOURS) * 3_600_000,
  };
}
