/**
 * Electron entry: builds the Electron shell (windows, ShellPort, transport, secure storage)
 * around the Electron-free composition in app.ts.
 */
import { join } from 'node:path';
import { app, session } from 'electron';
import Store, { type Schema } from 'electron-store';
import { startOpenCcp, type OpenCcpMain } from './app';
import type { HeadsetPort } from './headset/HeadsetPort';
import { headsetSourceFor } from './headset/headsetSource';
import { WebHidPort } from './headset/webHid/WebHidPort';
import { systemClock } from './desk/ports';
import { createFileLogger, type FileLogger } from './log/FileLogger';
import { repairSettingsFile } from './settings/repairSettingsFile';
import { settingsJsonSchema } from './settings/settingsSchema';
import { listenForDialLinks, type DialLinks } from './shell/dialLinks';
import { ElectronShell } from './shell/ElectronShell';
import { ElectronTransport } from './shell/ElectronTransport';
import { safeStorageCipher } from './shell/safeStorageCipher';
import { grantTelephonyHidToOwnPages } from './shell/hidGrant';
import { grantMediaToOwnPages, hardenContents } from './shell/security';
import { createEngineWindow, createUiWindow, pageUrl } from './shell/windows';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Registered before ready: macOS may deliver the link that launched the app very early.
  const dialLinks = listenForDialLinks();
  void app.whenReady().then(() => launch(dialLinks));
}

async function launch(dialLinks: DialLinks): Promise<void> {
  const logger = createFileLogger({ dir: join(app.getPath('userData'), 'logs') });
  flushLogOnCrash(logger);

  const uiUrl = pageUrl('ui');
  const engineUrl = pageUrl('engine');
  const isOwnUrl = (url: string): boolean =>
    [uiUrl, engineUrl].some((own) => url.split('#')[0] === own.split('#')[0]);
  grantMediaToOwnPages(session.defaultSession, isOwnUrl);
  grantTelephonyHidToOwnPages(session.defaultSession, [uiUrl, engineUrl]);

  // Both windows exist, hidden and empty, before main is composed: the shell it is given
  // shows the CCP window. They load only once main listens.
  const engine = createEngineWindow();
  const ui = createUiWindow();
  hardenContents(engine.webContents, isOwnUrl);
  hardenContents(ui.webContents, isOwnUrl);
  const transport = new ElectronTransport();
  // Before the store opens it: electron-store throws on a damaged file (A3, never down).
  const settingsRepair = repairSettingsFile(join(app.getPath('userData'), 'settings.json'));
  const settingsFile = new Store<Record<string, unknown>>({
    name: 'settings',
    // electron-store checks every write against the same schema the reader uses.
    schema: (settingsJsonSchema.properties ?? {}) as Schema<Record<string, unknown>>,
  });
  const main = await startOpenCcp({
    transport,
    shell: new ElectronShell(ui, { window: engine, url: engineUrl }, dialLinks),
    settingsFile,
    settingsRepair,
    cipher: safeStorageCipher,
    logger,
    dataDir: app.getPath('userData'),
    exportDir: app.getPath('downloads'),
    headsetPort: await headsetPort(transport),
  });

  // The engine first: it must be listening before the agent can sign in.
  // A crashed engine page is reloaded by the shell (ElectronShell), which tells the desk.
  transport.attach('engine', engine.webContents, engineUrl);
  void engine.loadURL(engineUrl);

  transport.attach('ui', ui.webContents, uiUrl);
  void ui.loadURL(uiUrl);

  // The hidden engine window outlives the CCP window, so 'window-all-closed' would never come:
  // closing the CCP window quits (until the Desktop issue keeps the app in the tray instead).
  ui.on('closed', () => app.quit());
  flushOnQuit(main, logger);
}

/**
 * The headsets' source on this OS (headset/headsetSource.ts). node-hid is loaded only where it
 * is used: on Windows and macOS the engine page's WebHID reaches the devices instead.
 */
async function headsetPort(transport: ElectronTransport): Promise<HeadsetPort | undefined> {
  switch (headsetSourceFor(process.platform)) {
    case 'nodeHid': {
      const { NodeHidPort } = await import('./headset/nodeHid/NodeHidPort');
      return new NodeHidPort();
    }
    case 'webHid':
      return new WebHidPort(transport, systemClock);
    case 'none':
      return undefined;
  }
}

/**
 * Quitting waits for the drafts journal and the log to be on disk (both write in the background),
 * once: the second will-quit, after they are done, goes through. An exit that cannot wait
 * (process.exit, app.exit) still writes the journal's last state synchronously.
 */
function flushOnQuit(main: OpenCcpMain, logger: FileLogger): void {
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void main
      .shutdown()
      .then(() => logger.close())
      .finally(() => {
        flushed = true;
        app.quit();
      });
  });
  process.on('exit', () => main.drafts.flushSync());
}

/**
 * The log is written asynchronously: what is still buffered when main fails would be lost, and
 * those are the lines that explain the failure. An uncaught exception (the monitor keeps
 * Electron's own handling) and an unhandled rejection are logged and the buffer flushed.
 */
function flushLogOnCrash(logger: FileLogger): void {
  process.on('uncaughtExceptionMonitor', (error) => {
    logger.error('main process: uncaught exception', { error: String(error), stack: error.stack });
    void logger.flush();
  });
  process.on('unhandledRejection', (reason) => {
    logger.error('main process: unhandled rejection', { error: String(reason) });
    void logger.flush();
  });
}
