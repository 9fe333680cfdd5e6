/**
 * The desktop around the app, as a port: what the desk's outputs need from it, and what a
 * person does at it that the app must act on. ElectronShell (main/shell) is the app's;
 * HarnessShell (e2e/harness) records what it would show and lets a test press what a person
 * would press. The composition (main/app.ts) decides what each input does and when to show
 * what, so both run the same decisions.
 *
 * This file is Electron-free (lint gives it a layer of its own): the composition imports it,
 * and it imports only the contract and the desktop's Electron-free views (main/desktop).
 *
 * Only what the app does today is here. The Desktop issue plugs in the rest the same way, each
 * as a pair implemented in both shells together:
 * - outputs that follow DeskState: the composition maps each new state to what the tray shows
 *   (icon and menu), which OS notification is up (an offer with Accept/Reject) and whether the
 *   compact widget is open, and hands that view to a ShellPort method (`showTray(view)`,
 *   `notify(notice)`, `showWidget(open)`); the shell only renders it.
 * - inputs: a tray menu item, a notification's Accept, a global shortcut arrive as new
 *   ShellInputs members, which the composition turns into DeskCommands, as every input is.
 * - the widget's page is a second window attached to the transport as 'ui', so it gets the same
 *   DeskState as the CCP window with no extra plumbing.
 */

import type { CloseDecision } from '../desktop/closeDecision';
import type { DesktopNotification, NotificationChoice } from '../desktop/NotificationPlanner';
import type { ShortcutAction } from '../desktop/shortcutMap';
import type { TrayAction, TrayView } from '../desktop/trayView';

/** A change of the machine's power or network the desk may need to act on (re-register). */
export type PowerEvent = 'suspend' | 'resume' | 'lock' | 'unlock' | 'online' | 'offline';

/** What a person did at the desktop, delivered to the composition once it is connected. */
export interface ShellInputs {
  /** The OS handed the app a tel:, sip: or callto: link (D4). */
  openDialLink(url: string): void;
  /** The app was launched again while running (or its dock icon clicked). */
  relaunched(): void;
  /** The machine woke from sleep or the agent unlocked the session: connections may be stale. */
  resumed(): void;
  /** The engine page crashed or was closed; the composition decides when to reload it. */
  engineGone(reason: string): void;
  /** The CCP page's renderer crashed; the composition decides when to reload it. */
  uiGone(reason: string): void;
  /** The agent chose an item of the tray menu. */
  trayChose(action: TrayAction): void;
  /** The agent pressed a notification's button, or clicked the notification itself. */
  notificationChose(id: string, choice: NotificationChoice): void;
  /** A global shortcut was pressed, in whatever application had the focus. */
  shortcutPressed(action: ShortcutAction): void;
  /** The agent closed the CCP window; the answer says what the shell does with it. */
  ccpCloseRequested(moment: { trayShown: boolean }): CloseDecision;
  /** Quit (the tray, the app menu, the OS logging off or shutting down). */
  quitRequested(): void;
  /** Suspend, resume, lock, unlock, the network going or coming back. */
  powerChanged(event: PowerEvent): void;
}

export interface ShellPort {
  /** Shows the CCP window restored and focused, so the agent sees what just happened. */
  bringCcpToFront(): void;
  /** Starts delivering inputs; any that came before (the link that launched the app) come now. */
  connect(inputs: ShellInputs): void;
  /**
   * The engine page is hung (EngineSupervisor): end it for good, so its media stops, and load
   * a new one, which says `ready` as on a first start.
   */
  restartEngine(): void;
  /**
   * The network fetch for downloads (the provisioning profile): Electron's `net.fetch` in the
   * app, so the OS certificate store and proxy apply as in the agent's browser; Node's fetch in
   * the harness. Redirects are the caller's to follow (fetchHttpsText).
   */
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Shows the engine page anew (after a crash, once the backoff says so). */
  reloadEngine(): void;
  /** Loads the CCP page again after its renderer crashed; the desk's state brings it back. */
  reloadUi(): void;
  /** The tray icon, tooltip and menu for the desk's state (the shell renders the words). */
  showTray(view: TrayView): void;
  /** An OS notification; it must not take the focus. Same id: replaces the one shown. */
  showNotification(notification: DesktopNotification): void;
  closeNotification(id: string): void;
  /** Registers these global shortcuts (dropping earlier ones); returns those another app holds. */
  registerShortcuts(
    entries: ReadonlyArray<{ action: ShortcutAction; accelerator: string }>,
  ): ShortcutAction[];
  /** Shows the compact widget (a second UI window), creating it if needed. */
  showWidget(): void;
  /** The CCP window is on screen and has the focus: the agent is looking at it. */
  ccpFocused(): boolean;
  /** Ends the process once the quit sequence is done (flushing is the shell's own quit path). */
  exit(): void;
  /** Opens an http(s) link in the agent's browser; the caller has checked the scheme. */
  openExternal(url: string): void;
  /**
   * Shows an http(s) page in the customer lookup window (D8): a window of its own beside the
   * CCP, with its own session and no preload, so the CRM page never reaches the `ccp` API.
   */
  showLookupWindow(url: string): void;
  /** Starts the app when the agent logs in to the OS, or stops doing so (G5). */
  setStartAtLogin(enabled: boolean): void;
  /** Keeps the compact widget above other windows, or not (now, and when it is made again). */
  setWidgetAlwaysOnTop(enabled: boolean): void;
}
