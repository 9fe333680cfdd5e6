/**
 * ShellPort in Electron: the CCP window (hidden to the tray when closed while signed in,
 * recreated when a second launch or a dial link finds it gone), the compact widget, the tray,
 * OS notifications, global shortcuts, the app's desktop events (dial links, a second launch,
 * the macOS dock icon, Quit, logoff and shutdown) and power and network changes. What each of
 * them means is decided by the composition (main/desktop/Desktop.ts); this class only shows
 * and reports.
 */
import { app, globalShortcut, net, powerMonitor, shell, type BrowserWindow } from 'electron';
import type { DesktopLanguage } from '../desktop/desktopText';
import type { DesktopNotification } from '../desktop/NotificationPlanner';
import type { ShortcutAction } from '../desktop/shortcutMap';
import type { TrayView } from '../desktop/trayView';
import { dialLinkFromArgv, type DialLinks } from './dialLinks';
import { ElectronNotifications } from './ElectronNotifications';
import { ElectronTray } from './ElectronTray';
import { LookupWindow } from './LookupWindow';
import type { ShellInputs, ShellPort } from './ShellPort';

export interface EnginePage {
  readonly window: BrowserWindow;
  readonly url: string;
}

/** Makes the UI windows: created hidden, hardened, attached to the transport and loading. */
export interface UiWindows {
  openCcp(): BrowserWindow;
  openWidget(): BrowserWindow;
  /** Loads the CCP page again in its window (after its renderer crashed). */
  reloadCcp(window: BrowserWindow): void;
}

export class ElectronShell implements ShellPort {
  private ccp: BrowserWindow | undefined;
  private widget: BrowserWindow | undefined;
  private painted = false;
  private inputs: ShellInputs | undefined;
  /** Set once the quit sequence is done: from then on closing and quitting go through. */
  private leaving = false;
  private readonly tray: ElectronTray;
  private readonly notifications: ElectronNotifications;
  private readonly lookupWindow = new LookupWindow();

  constructor(
    private readonly windows: UiWindows,
    private readonly engine: EnginePage,
    private readonly dialLinks: DialLinks,
    language: DesktopLanguage,
  ) {
    this.tray = new ElectronTray(
      language,
      (action) => this.inputs?.trayChose(action),
      () => this.bringCcpToFront(),
    );
    this.notifications = new ElectronNotifications(language, (id, choice) =>
      this.inputs?.notificationChose(id, choice),
    );
  }

  /** The CCP window's lifecycle: shown once painted, closed to the tray, reloaded on a crash. */
  private watchCcp(window: BrowserWindow): BrowserWindow {
    this.painted = false;
    // Created hidden so the agent never sees an empty frame: shown once its page has painted.
    window.once('ready-to-show', () => {
      this.painted = true;
      window.show();
    });
    window.on('close', (event) => {
      if (this.leaving || !this.inputs) return;
      const decision = this.inputs.ccpCloseRequested({ trayShown: this.tray.shown });
      if (decision === 'close') return;
      event.preventDefault();
      if (decision === 'hideToTray') window.hide();
      else window.minimize();
    });
    // Closed while signed out: nothing can ring, so the app quits (through the quit sequence).
    window.on('closed', () => {
      if (this.ccp === window) this.ccp = undefined;
      if (!this.leaving) app.quit();
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason !== 'clean-exit') this.inputs?.uiGone(details.reason);
    });
    return window;
  }

  bringCcpToFront(): void {
    // A window closed for good (or never made) is made again: the agent asked for it.
    if (!this.ccp || this.ccp.isDestroyed()) {
      this.ccp = this.watchCcp(this.windows.openCcp());
      return;
    }
    // Before its first paint it is about to show itself anyway.
    if (!this.painted) return;
    if (this.ccp.isMinimized()) this.ccp.restore();
    this.ccp.show();
    this.ccp.focus();
  }

  restartEngine(): void {
    const contents = this.engine.window.webContents;
    if (contents.isDestroyed()) return;
    // A hung renderer cannot run a reload; crashing it stops its media at once, and the
    // 'render-process-gone' handler reports it, after which the composition reloads it.
    contents.forcefullyCrashRenderer();
  }

  reloadEngine(): void {
    if (this.engine.window.isDestroyed()) return;
    void this.engine.window.loadURL(this.engine.url);
  }

  reloadUi(): void {
    if (this.ccp && !this.ccp.isDestroyed()) this.windows.reloadCcp(this.ccp);
  }

  fetch(url: string, init: RequestInit): Promise<Response> {
    return net.fetch(url, init);
  }

  showTray(view: TrayView): void {
    this.tray.show(view);
  }

  showNotification(notification: DesktopNotification): void {
    this.notifications.show(notification);
  }

  closeNotification(id: string): void {
    this.notifications.close(id);
  }

  registerShortcuts(
    entries: ReadonlyArray<{ action: ShortcutAction; accelerator: string }>,
  ): ShortcutAction[] {
    globalShortcut.unregisterAll();
    const taken: ShortcutAction[] = [];
    for (const { action, accelerator } of entries) {
      const registered = globalShortcut.register(accelerator, () =>
        this.inputs?.shortcutPressed(action),
      );
      if (!registered) taken.push(action);
    }
    return taken;
  }

  showWidget(): void {
    if (!this.widget || this.widget.isDestroyed()) {
      const widget = this.windows.openWidget();
      this.widget = widget;
      // Shown without taking the focus: it comes up next to what the agent is doing.
      widget.once('ready-to-show', () => widget.showInactive());
      return;
    }
    this.widget.showInactive();
  }

  ccpFocused(): boolean {
    return !!this.ccp && !this.ccp.isDestroyed() && this.ccp.isVisible() && this.ccp.isFocused();
  }

  exit(): void {
    this.leaving = true;
    globalShortcut.unregisterAll();
    this.tray.destroy();
    // 'will-quit' (main/index.ts) flushes the journal and the log before the process ends.
    app.quit();
  }

  openExternal(url: string): void {
    void shell.openExternal(url);
  }

  showLookupWindow(url: string): void {
    this.lookupWindow.show(url);
  }

  /**
   * A login item on macOS and Windows (the Run key). Electron has none on Linux: there the
   * installer's or the desktop's autostart entry (~/.config/autostart) is the way, so this is
   * a no-op and docs/desktop.md says so.
   */
  setStartAtLogin(enabled: boolean): void {
    if (process.platform === 'linux') return;
    app.setLoginItemSettings({ openAtLogin: enabled });
  }

  /** The widget open now changes at once; a widget made later reads the saved choice. */
  setWidgetAlwaysOnTop(enabled: boolean): void {
    if (this.widget && !this.widget.isDestroyed()) this.widget.setAlwaysOnTop(enabled);
  }

  connect(inputs: ShellInputs): void {
    this.inputs = inputs;
    // Main listens now: the CCP page may load and ask for the desk's state.
    this.ccp ??= this.watchCcp(this.windows.openCcp());
    this.dialLinks.deliverTo((url) => inputs.openDialLink(url));
    // A second launch that carries a link is that link (dialLinks has it); without, a relaunch.
    app.on('second-instance', (_event, argv) => {
      if (!dialLinkFromArgv(argv)) inputs.relaunched();
    });
    app.on('activate', () => inputs.relaunched());
    // Quit from the menu, Cmd+Q, logoff or shutdown: held until the quit sequence is done.
    app.on('before-quit', (event) => {
      if (this.leaving) return;
      event.preventDefault();
      inputs.quitRequested();
    });
    // Reported, not reloaded here: the composition reloads with backoff and a cap.
    this.engine.window.webContents.on('render-process-gone', (_event, details) => {
      inputs.engineGone(details.reason);
    });
    powerMonitor.on('suspend', () => inputs.powerChanged('suspend'));
    powerMonitor.on('resume', () => inputs.powerChanged('resume'));
    powerMonitor.on('lock-screen', () => inputs.powerChanged('lock'));
    powerMonitor.on('unlock-screen', () => inputs.powerChanged('unlock'));
    // Linux and macOS announce a shutdown or logoff here (Windows: 'session-end' on the
    // window, which then quits through 'before-quit'): the quit sequence runs then.
    powerMonitor.on('shutdown', () => inputs.quitRequested());
  }
}
