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
  | { enabled: false; why: 'policy' | 'itManaged' | 'packageManager' | 'unpackaged' }
  | {
      enabled: true;
      /** A generic server from the policy; undefined: the one built into the app (publish). */
      feedUrl: string | undefined;
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
  return {
    enabled: true,
    feedUrl: updates.url,
    channel: updates.channel ?? 'latest',
    checkIntervalMs: (updates.checkIntervalHours ?? DEFAULT_CHECK_INTERVAL_HOURS) * 3_600_000,
  };
}
