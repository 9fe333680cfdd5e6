/**
 * ShellPort for the harness: records what the app would show on the desktop (the tray, the
 * notifications, the registered shortcuts), and lets a test do what a person does there (open
 * a dial link, launch the app again, choose a tray item, press a notification's button or a
 * global shortcut, close the CCP window, quit). What happens then is decided by the real
 * composition, exactly as with ElectronShell.
 */
import type { CloseDecision } from '../../main/desktop/closeDecision';
import type {
  DesktopNotification,
  NotificationChoice,
} from '../../main/desktop/NotificationPlanner';
import type { ShortcutAction } from '../../main/desktop/shortcutMap';
import type { TrayMenuEntry, TrayView } from '../../main/desktop/trayView';
import type { PowerEvent, ShellInputs, ShellPort } from '../../main/shell/ShellPort';
import { HarnessUpdater } from './HarnessUpdater';

/** What the harness does with the pages, set by HarnessApp once they exist. */
export interface HarnessPages {
  replaceEngine(): Promise<void>;
  reloadUi(): Promise<void>;
  showWidget(): Promise<void>;
  exit(): Promise<void>;
}

export class HarnessShell implements ShellPort {
  /** How many times the app brought the CCP window to the front. */
  broughtToFront = 0;
  /** How many times the app asked for a hung engine page to be ended and loaded again. */
  engineRestarts = 0;
  /** How many times the app reloaded a gone engine page, and a crashed UI page. */
  engineReloads = 0;
  uiReloads = 0;
  /** The tray as last shown, and every view shown (for the screenshots of the model). */
  tray: TrayView | undefined;
  /** The notifications up now, by id, and every one ever shown. */
  readonly notifications = new Map<string, DesktopNotification>();
  readonly notificationLog: DesktopNotification[] = [];
  /** When each offer notification was shown, epoch ms (the bench's offer-to-notification). */
  readonly offerNotificationTimes: number[] = [];
  /** The shortcuts registered now, and the accelerators a test says another app holds. */
  readonly shortcuts = new Map<ShortcutAction, string>();
  readonly takenByOtherApps = new Set<string>();
  /** Whether the CCP window is on screen and focused (a test hides it as the agent would). */
  ccpVisible = true;
  /** Whether the desktop shows a tray (some Linux desktops have none). */
  trayShown = true;
  widgetShown = 0;
  /** The quit sequence finished and asked the process to end. */
  exited = false;
  /** electron-updater, stood in for: what the app asked of it (G5). */
  readonly updater = new HarnessUpdater();
  private inputs: ShellInputs | undefined;

  constructor(private readonly pages: HarnessPages) {}

  restartEngine(): void {
    this.engineRestarts += 1;
    void this.pages.replaceEngine();
  }

  reloadEngine(): void {
    this.engineReloads += 1;
    if (this.holdEngineReloads) {
      this.heldEngineReload = () => void this.pages.replaceEngine();
      return;
    }
    void this.pages.replaceEngine();
  }

  /**
   * A test holds the engine page's reload to act while it is down, as a slow machine would
   * make it; releasing loads the page the app asked for.
   */
  holdEngineReloads = false;
  private heldEngineReload: (() => void) | undefined;
  releaseEngineReload(): void {
    const reload = this.heldEngineReload;
    this.holdEngineReloads = false;
    this.heldEngineReload = undefined;
    if (!reload) throw new Error('no engine reload is held');
    reload();
  }

  reloadUi(): void {
    this.uiReloads += 1;
    void this.pages.reloadUi();
  }

  bringCcpToFront(): void {
    this.broughtToFront += 1;
    this.ccpVisible = true;
  }

  connect(inputs: ShellInputs): void {
    this.inputs = inputs;
  }

  /** Node's fetch: no Electron here, so no OS certificate store or proxy either. */
  fetch(url: string, init: RequestInit): Promise<Response> {
    return fetch(url, init);
  }

  showTray(view: TrayView): void {
    this.tray = view;
  }

  showNotification(notification: DesktopNotification): void {
    this.notifications.set(notification.id, notification);
    this.notificationLog.push(notification);
    if (notification.kind === 'offer') {
      this.offerNotificationTimes.push(performance.timeOrigin + performance.now());
    }
  }

  closeNotification(id: string): void {
    this.notifications.delete(id);
  }

  registerShortcuts(
    entries: ReadonlyArray<{ action: ShortcutAction; accelerator: string }>,
  ): ShortcutAction[] {
    this.shortcuts.clear();
    const taken: ShortcutAction[] = [];
    for (const { action, accelerator } of entries) {
      if (this.takenByOtherApps.has(accelerator)) taken.push(action);
      else this.shortcuts.set(action, accelerator);
    }
    return taken;
  }

  showWidget(): void {
    this.widgetShown += 1;
    void this.pages.showWidget();
  }

  ccpFocused(): boolean {
    return this.ccpVisible;
  }

  exit(): void {
    this.exited = true;
    void this.pages.exit();
  }

  // What a person does at the desktop.

  /** The engine page crashed or closed by itself. */
  engineGone(reason: string): void {
    this.connected().engineGone(reason);
  }

  /** The CCP page's renderer crashed. */
  uiGone(reason: string): void {
    this.connected().uiGone(reason);
  }

  /** What the app last told the OS about starting at login, and the widget's always-on-top. */
  startAtLogin: boolean | undefined;
  widgetAlwaysOnTop: boolean | undefined;
  setStartAtLogin(enabled: boolean): void {
    this.startAtLogin = enabled;
  }
  setWidgetAlwaysOnTop(enabled: boolean): void {
    this.widgetAlwaysOnTop = enabled;
  }

  /** The links the app opened in the browser (a chat line's http/https links). */
  readonly openedLinks: string[] = [];
  openExternal(url: string): void {
    this.openedLinks.push(url);
  }

  /** The pages the app showed in its customer lookup window (D8). */
  readonly lookupWindowUrls: string[] = [];
  showLookupWindow(url: string): void {
    this.lookupWindowUrls.push(url);
  }

  /** The OS hands the app a tel:, sip: or callto: link, as a click in a browser or CRM does. */
  openDialLink(url: string): void {
    this.connected().openDialLink(url);
  }

  /** The agent starts the app again while it runs. */
  relaunch(): void {
    this.connected().relaunched();
  }

  /** The machine wakes from sleep. */
  resume(): void {
    this.connected().resumed();
  }

  /** The agent clicks the close box of the CCP window: what the app decided is applied. */
  closeCcp(): CloseDecision {
    const decision = this.connected().ccpCloseRequested({ trayShown: this.trayShown });
    if (decision !== 'close') this.ccpVisible = false;
    return decision;
  }

  /** The agent chooses the tray menu item with this id (`accept:<contactId>`, `quit`, ...). */
  chooseTrayItem(id: string): void {
    const entry = this.trayItem(id);
    this.connected().trayChose(entry.action);
  }

  /** The tray menu item with this id, as shown now; throws when it is not in the menu. */
  trayItem(id: string): Extract<TrayMenuEntry, { kind: 'item' }> {
    const entry = this.tray?.menu.find((item) => item.kind === 'item' && item.id === id);
    if (entry?.kind !== 'item') {
      const shown = this.tray?.menu.map((item) => (item.kind === 'item' ? item.id : '-'));
      throw new Error(`tray: no item ${id} in the menu (${shown?.join(' ') ?? 'no tray'})`);
    }
    return entry;
  }

  /** Presses a notification's button (or clicks it); throws when it is not up. */
  pressNotification(id: string, choice: NotificationChoice): void {
    const notification = this.notifications.get(id);
    if (!notification) throw new Error(`notification ${id} is not up`);
    if (choice !== 'click' && !notification.actions.includes(choice)) {
      throw new Error(`notification ${id} has no ${choice} button`);
    }
    this.connected().notificationChose(id, choice);
  }

  /** Presses a global shortcut's keys; only a registered shortcut reaches the app. */
  pressShortcut(accelerator: string): void {
    const action = [...this.shortcuts].find(([, keys]) => keys === accelerator)?.[0];
    if (action) this.connected().shortcutPressed(action);
  }

  /** Quit from the tray, the app menu, or the OS logging off. */
  quit(): void {
    this.connected().quitRequested();
  }

  power(event: PowerEvent): void {
    this.connected().powerChanged(event);
  }

  private connected(): ShellInputs {
    if (!this.inputs) throw new Error('harness shell: the app has not connected its inputs');
    return this.inputs;
  }
}
