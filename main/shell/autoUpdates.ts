/**
 * electron-updater behind UpdaterPort (SPEC G5): main/updates/AppUpdates decides whether and
 * where to look and when a downloaded update may restart the app; this file only translates.
 * Downloads start by themselves; without the agent's consent an update installs when the app
 * quits.
 */
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UpdaterPort } from '../updates/UpdaterPort';
import type { InstallKind } from '../updates/updateSettings';

export function electronUpdaterPort(): UpdaterPort {
  // electron-updater is CommonJS: its default export carries the named ones under ESM.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  return {
    configure: ({ url, channel }) => {
      autoUpdater.channel = channel;
      autoUpdater.setFeedURL({ provider: 'generic', url, channel });
    },
    onEvent: (listener) => {
      autoUpdater.on('checking-for-update', () => listener({ type: 'checking' }));
      autoUpdater.on('update-available', (info) =>
        listener({ type: 'available', version: info.version }),
      );
      autoUpdater.on('update-not-available', () => listener({ type: 'notAvailable' }));
      autoUpdater.on('update-downloaded', (info) =>
        listener({ type: 'downloaded', version: info.version }),
      );
      autoUpdater.on('error', (error) => listener({ type: 'error', reason: error.message }));
    },
    check: async () => {
      await autoUpdater.checkForUpdates();
    },
    // Silent (no NSIS wizard) and run the app again after installing.
    quitAndInstall: () => autoUpdater.quitAndInstall(true, true),
  };
}

/**
 * How this copy was installed. NSIS leaves its uninstaller next to the executable and the MSI
 * does not (Windows Installer keeps its own record); an AppImage runs with $APPIMAGE set.
 */
export function installKind(): InstallKind {
  if (!app.isPackaged) return 'unpackaged';
  if (process.platform === 'win32') {
    const uninstaller = join(dirname(process.execPath), `Uninstall ${app.getName()}.exe`);
    return existsSync(uninstaller) ? 'nsis' : 'msi';
  }
  if (process.platform === 'darwin') return 'dmg';
  if (process.env['APPIMAGE']) return 'appImage';
  // deb or rpm: either way the system's package manager owns the files.
  return 'deb';
}
