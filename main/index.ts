/**
 * Electron entry: builds the Electron shell (windows, tray, notifications, shortcuts,
 * ShellPort, transport, secure storage) around the Electron-free composition in app.ts.
 */
import { join } from 'node:path';
import { app, screen, session, type BrowserWindow } from 'electron';
import Store, { type Schema } from 'electron-store';
import { startOpenCcp, type OpenCcpMain } from './app';
import type { HeadsetPort } from './headset/HeadsetPort';
import { headsetSourceFor } from './headset/headsetSource';
import { WebHidPort } from './headset/webHid/WebHidPort';
import { systemClock } from './desk/ports';
import { desktopLanguage } from './desktop/desktopText';
import { ownPageMatcher } from './desktop/pagePolicy';
import { WindowLayoutStore, type LaidOutWindow } from './desktop/WindowLayoutStore';
import { DesktopSettings } from './desktop/desktopSettings';
import { createFileLogger, type FileLogger } from './log/FileLogger';
import { repairSettingsFile } from './settings/repairSettingsFile';
import { settingsJsonSchema } from './settings/settingsSchema';
import { listenForDialLinks, type DialLinks } from './shell/dialLinks';
import { ElectronShell } from './shell/ElectronShell';
import { electronUpdaterPort, installKind } from './shell/autoUpdates';
import { ElectronTransport } from './shell/ElectronTransport';
import { safeStorageCipher } from './shell/safeStorageCipher';
import { grantTelephonyHidToOwnPages } from './shell/hidGrant';
import { grantMediaToOwnPages, hardenContents } from './shell/security';
import { registerAppScheme, serveAppPages } from './shell/appProtocol';
import {
  CCP_SIZE,
  createEngineWindow,
  createUiWindow,
  createWidgetWindow,
  pageUrl,
  RENDERER_ROOT,
  WIDGET_SIZE,
  widgetUrl,
} from './shell/windows';

/** Windows shows no notification of an app without one, and groups the taskbar by it. */
export const APP_USER_MODEL_ID = 'org.openccp.desktop';

// Every renderer sandboxed, whatever a window's own preferences say (before 'ready').
app.enableSandbox();
// Our pages come from app://openccp/, never file:// (before 'ready', as Electron requires).
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // Registered before ready: macOS may deliver the link that launched the app very early.
  const dialLinks = listenForDialLinks();
  void app.whenReady().then(() => launch(dialLinks));
}

async function launch(dialLinks: DialLinks): Promise<void> {
  const logger = createFileLogger({ dir: join(app.getPath('userData'), 'logs') });
  flushLogOnCrash(logger);

  serveAppPages(RENDERER_ROOT);
  const uiUrl = pageUrl('ui', app.isPackaged);
  const engineUrl = pageUrl('engine', app.isPackaged);
  const isOwnUrl = ownPageMatcher([uiUrl, engineUrl]);
  grantMediaToOwnPages(session.defaultSession, isOwnUrl);
  grantTelephonyHidToOwnPages(session.defaultSession, [uiUrl, engineUrl]);

  const transport = new ElectronTransport();
  // Before the store opens it: electron-store throws on a damaged file (A3, never down).
  const settingsRepair = repairSettingsFile(join(app.getPath('userData'), 'settings.json'));
  const settingsFile = new Store<Record<string, unknown>>({
    name: 'settings',
    // electron-store checks every write against the same schema the reader uses.
    schema: (settingsJsonSchema.properties ?? {}) as Schema<Record<string, unknown>>,
  });
  const layout = new WindowLayoutStore(settingsFile);

  // The engine window exists, hidden and empty, before main is composed; it loads once main
  // listens. The shell makes the CCP window once main listens (and again if a relaunch finds
  // it closed).
  const engine = createEngineWindow();
  hardenContents(engine.webContents, 'engine', isOwnUrl);
  const loadUi = (window: BrowserWindow, url: string, name: LaidOutWindow): BrowserWindow => {
    hardenContents(window.webContents, 'ui', isOwnUrl);
    transport.attach('ui', window.webContents, url);
    // Remembered where the agent leaves it (A4), for the next start.
    window.on('close', () => layout.save(name, window.getBounds()));
    void window.loadURL(url);
    return window;
  };
  const workAreas = () => {
    const primary = screen.getPrimaryDisplay();
    const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
    return [primary, ...others].map((display) => display.workArea);
  };
  let started: OpenCcpMain | undefined = undefined;
  const shell = new ElectronShell(
    {
      openCcp: () =>
        loadUi(createUiWindow(layout.place('ccp', workAreas(), CCP_SIZE)), uiUrl, 'ccp'),
      openWidget: () => {
        // The agent's choice with the machine policy's over it; before main is up, the file's.
        const desktop = DesktopSettings.safeParse(settingsFile.store['desktop'] ?? {});
        const alwaysOnTop = started
          ? started.desktopPreferences().widgetAlwaysOnTop
          : desktop.success && desktop.data.widgetAlwaysOnTop === true;
        const bounds = layout.place('widget', workAreas(), WIDGET_SIZE);
        return loadUi(createWidgetWindow({ bounds, alwaysOnTop }), widgetUrl(uiUrl), 'widget');
      },
      reloadCcp: (window) => void window.loadURL(uiUrl),
    },
    { window: engine, url: engineUrl },
    dialLinks,
    desktopLanguage(app.getLocale()),
  );
  const main = await startOpenCcp({
    transport,
    shell,
    settingsFile,
    settingsRepair,
    cipher: safeStorageCipher,
    logger,
    dataDir: app.getPath('userData'),
    exportDir: app.getPath('downloads'),
    recordingsDir: join(app.getPath('documents'), 'OpenCCP recordings'),
    headsetPort: await headsetPort(transport),
    diagnostics: { log: logger, appVersion: app.getVersion() },
    updates: { updater: electronUpdaterPort(), install: installKind() },
  });
  started = main;

  // The engine first: it must be listening before the agent can sign in.
  transport.attach('engine', engine.webContents, engineUrl);
  void engine.loadURL(engineUrl);
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
 * The quit sequence (Offline, un-REGISTER) has run before: 'before-quit' holds the quit for it.
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
