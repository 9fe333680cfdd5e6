/**
 * Electron entry: builds the Electron shell (windows, transport, secure storage) around the
 * Electron-free composition in app.ts.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import Store, { type Schema } from 'electron-store';
import { startOpenCcp } from './app';
import { createLogger } from './log/Logger';
import { settingsJsonSchema } from './settings/settingsSchema';
import { listenForDialLinks } from './shell/dialLinks';
import { ElectronTransport } from './shell/ElectronTransport';
import { safeStorageCipher } from './shell/safeStorageCipher';
import { grantMediaToOwnPages, hardenContents } from './shell/security';
import { createEngineWindow, createUiWindow, pageUrl } from './shell/windows';

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Registered before ready: macOS may deliver the link that launched the app very early.
  const dialLinks = listenForDialLinks();
  void app.whenReady().then(() => launch(dialLinks));
}

async function launch(dialLinks: ReturnType<typeof listenForDialLinks>): Promise<void> {
  const logDir = join(app.getPath('userData'), 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, 'openccp.log');
  const logger = createLogger((line) => appendFileSync(logFile, `${line}\n`));

  const uiUrl = pageUrl('ui');
  const engineUrl = pageUrl('engine');
  const isOwnUrl = (url: string): boolean =>
    [uiUrl, engineUrl].some((own) => url.split('#')[0] === own.split('#')[0]);
  grantMediaToOwnPages(session.defaultSession, isOwnUrl);

  const transport = new ElectronTransport();
  const settingsFile = new Store<Record<string, unknown>>({
    name: 'settings',
    // electron-store checks every write against the same schema the reader uses.
    schema: (settingsJsonSchema.properties ?? {}) as Schema<Record<string, unknown>>,
  });
  const main = await startOpenCcp({
    transport,
    settingsFile,
    cipher: safeStorageCipher,
    logger,
    dataDir: app.getPath('userData'),
    exportDir: app.getPath('downloads'),
  });

  // The engine first: it must be listening before the agent can sign in.
  const engine = createEngineWindow();
  hardenContents(engine.webContents, isOwnUrl);
  transport.attach('engine', engine.webContents, engineUrl);
  engine.webContents.on('render-process-gone', (_event, details) => {
    logger.error('engine renderer gone, reloading', { reason: details.reason });
    void engine.loadURL(engineUrl);
  });
  void engine.loadURL(engineUrl);

  const ui = createUiWindow();
  hardenContents(ui.webContents, isOwnUrl);
  transport.attach('ui', ui.webContents, uiUrl);
  ui.once('ready-to-show', () => ui.show());
  void ui.loadURL(uiUrl);

  // A second launch (or a dial link) brings the CCP to the front.
  app.on('second-instance', () => {
    if (ui.isMinimized()) ui.restore();
    ui.show();
    ui.focus();
  });
  dialLinks.deliverTo((url) => {
    main.openDialLink(url);
    ui.show();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => BrowserWindow.getAllWindows()[0]?.show());
}
