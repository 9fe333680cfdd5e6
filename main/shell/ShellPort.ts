/**
 * The desktop around the app, as a port: what the desk's outputs need from it, and what a
 * person does at it that the app must act on. ElectronShell (main/shell) is the app's;
 * HarnessShell (e2e/harness) records what it would show and lets a test press what a person
 * would press. The composition (main/app.ts) decides what each input does and when to show
 * what, so both run the same decisions.
 *
 * This file is Electron-free (lint gives it a layer of its own): the composition imports it.
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

/** What a person did at the desktop, delivered to the composition once it is connected. */
export interface ShellInputs {
  /** The OS handed the app a tel:, sip: or callto: link (D4). */
  openDialLink(url: string): void;
  /** The app was launched again while running (or its dock icon clicked). */
  relaunched(): void;
  /** The machine woke from sleep or the agent unlocked the session: connections may be stale. */
  resumed(): void;
  /** The engine page crashed or was closed; the shell is already loading a new one. */
  engineGone(reason: string): void;
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
  /** Opens an http(s) link in the agent's browser; the caller has checked the scheme. */
  openExternal(url: string): void;
}
