/**
 * electron-updater, wired thinly to the pure parts (SPEC G5): updateSettings decides whether and
 * where to look from the machine policy and the install kind, UpdateGate decides when a
 * downloaded update may restart the app. Downloads start by themselves; installing waits for the
 * gate, or for the app to quit.
 */
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DeskState } from '../../common/contract';
import type { Logger } from '../log/Logger';
import type { SettingsPolicy } from '../provisioning/SettingsPolicy';
import { deskMoment } from '../updates/deskMoment';
import { UpdateGate } from '../updates/UpdateGate';
import { updateSettings, type InstallKind } from '../updates/updateSettings';

interface UpdateInputs {
  policy: SettingsPolicy;
  desk: { snapshot(): DeskState; subscribe(listener: (state: DeskState) => void): () => void };
  logger: Logger;
}

export function startAutoUpdates({ policy, desk, logger }: UpdateInputs): void {
  const settings = updateSettings(policy, installKind());
  if (!settings.enabled) {
    // For an MSI install this is the answer to "why does it not update": IT deploys updates.
    logger.info('updates: off', { why: settings.why });
    return;
  }
  // electron-updater is CommonJS: its default export carries the named ones under ESM.
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.channel = settings.channel;
  if (settings.feedUrl) {
    autoUpdater.setFeedURL({
      provider: 'generic',
      url: settings.feedUrl,
      channel: settings.channel,
    });
  }
  const gate = new UpdateGate(
    () => autoUpdater.quitAndInstall(true, true),
    (phase) => logger.info('updates: phase', { ...phase }),
  );
  autoUpdater.on('checking-for-update', () => gate.handle({ type: 'checking' }));
  autoUpdater.on('update-available', (info) =>
    gate.handle({ type: 'available', version: info.version }),
  );
  autoUpdater.on('update-not-available', () => gate.handle({ type: 'notAvailable' }));
  autoUpdater.on('update-downloaded', (info) =>
    gate.handle({ type: 'downloaded', version: info.version }),
  );
  autoUpdater.on('error', (error) => gate.handle({ type: 'error', reason: error.message }));
  gate.deskChanged(deskMoment(desk.snapshot()));
  desk.subscribe((state) => gate.deskChanged(deskMoment(state)));
  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => {
      logger.warn('updates: check failed', { error: String(error) });
    });
  };
  check();
  setInterval(check, settings.checkIntervalMs).unref();
}

/**
 * How this copy was installed. NSIS leaves its uninstaller next to the executable and the MSI
 * does not (Windows Installer keeps its own record); an AppImage runs with $APPIMAGE set.
 */
function installKind(): InstallKind {
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
