/**
 * electron-updater behind UpdaterPort (SPEC G5): main/updates/AppUpdates decides whether and
 * where to look and when a downloaded update may restart the app; this file only translates.
 * Downloads start by themselves; without the agent's consent an update installs when the app
 * quits.
 */
import { app } from 'electron';
import electronUpdater, { type AppUpdater } from 'electron-updater';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UpdaterEvent, UpdaterPort } from '../updates/UpdaterPort';
import type { InstallKind } from '../updates/updateSettings';

export function electronUpdaterPort(): UpdaterPort {
  const listeners: ((event: UpdaterEvent) => void)[] = [];
  const emit = (event: UpdaterEvent) => {
    for (const listener of listeners) listener(event);
  };
  let updater: AppUpdater | undefined;
  // Created at the first use, not at start: electron-updater builds its updater from Electron
  // when `autoUpdater` is first read, and a copy whose policy names no update server (most
  // installs, and every unpackaged run) never needs one.
  const real = (): AppUpdater => {
    if (updater) return updater;
    // electron-updater is CommonJS: its default export carries the named ones under ESM.
    const { autoUpdater } = electronUpdater;
    autoUpdater.autoDownload = true;
    autoUpdater.autoInstallOnAppQuit = true;
    autoUpdater.on('checking-for-update', () => emit({ type: 'checking' }));
    autoUpdater.on('update-available', (info) =>
      emit({ type: 'available', version: info.version }),
    );
    autoUpdater.on('update-not-available', () => emit({ type: 'notAvailable' }));
    autoUpdater.on('update-downloaded', (info) =>
      emit({ type: 'downloaded', version: info.version }),
    );
    autoUpdater.on('error', (error) => emit({ type: 'error', reason: error.message }));
    updater = autoUpdater;
    return autoUpdater;
  };
  return {
    configure: ({ url, channel }) => {
      const autoUpdater = real();
      autoUpdater.channel = channel;
      autoUpdater.setFeedURL({ provider: 'generic', url, channel });
    },
    onEvent: (listener) => {
      listeners.push(listener);
    },
    check: async () => {
      await real().checkForUpdates();
    },
    // Silent (no NSIS wizard) and run the app again after installing.
    quitAndInstall: () => real().quitAndInstall(true, true),
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
