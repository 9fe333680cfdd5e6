/**
 * The desktop around the desk, decided here and shown by the shell (ShellPort): the tray and
 * the OS notifications follow every DeskState; tray items, notification buttons and global
 * shortcuts become DeskCommands, as every input does; closing the window, quitting and crashed
 * pages follow the lifecycle rules (closeDecision, QuitSequence, RestartBackoff).
 *
 * Electron-free: ElectronShell and the harness's HarnessShell run the same decisions.
 */
import type { DeskState, IntentResult } from '../../common/contract';
import type { DeskCommands } from '../commands/DeskCommands';
import type { Clock } from '../desk/ports';
import type { Logger } from '../log/Logger';
import type { PowerEvent, ShellInputs, ShellPort } from '../shell/ShellPort';
import { closeDecision, type CloseDecision } from './closeDecision';
import {
  IN_TRAY_NOTIFICATION,
  NotificationPlanner,
  type NotificationChoice,
} from './NotificationPlanner';
import { QuitSequence, type QuitReport } from './QuitSequence';
import { ENGINE_RESTARTS, RestartBackoff, UI_RESTARTS } from './RestartBackoff';
import {
  checkShortcuts,
  type ShortcutAction,
  type ShortcutMap,
  type ShortcutProblem,
} from './shortcutMap';
import { trayView, type TrayAction } from './trayView';

export interface DesktopDependencies {
  desk: { snapshot(): DeskState; subscribe(listener: (state: DeskState) => void): () => void };
  commands: DeskCommands;
  shell: ShellPort;
  clock: Clock;
  logger: Logger;
  /** The global shortcuts the agent chose (settings), read each time they are applied. */
  shortcuts: () => ShortcutMap;
  /** The engine page is gone: the supervisor and the desk are told before it is reloaded. */
  engineGone: (reason: string) => void;
}

/** The desktop's inputs this class handles; the composition adds dial links and relaunches. */
export type DesktopInputs = Omit<ShellInputs, 'openDialLink' | 'relaunched' | 'resumed'>;

export class Desktop implements DesktopInputs {
  private readonly planner = new NotificationPlanner();
  private readonly quitting: QuitSequence;
  private readonly engineRestarts = new RestartBackoff(ENGINE_RESTARTS);
  private readonly uiRestarts = new RestartBackoff(UI_RESTARTS);
  private toldAboutTray = false;
  private problems: ShortcutProblem[] = [];

  constructor(private readonly deps: DesktopDependencies) {
    this.quitting = new QuitSequence(deps.commands, deps.desk, deps.clock);
  }

  /** Shows the tray for the current state, follows the desk from now on, registers shortcuts. */
  start(): void {
    this.deps.desk.subscribe((state) => this.follow(state));
    this.follow(this.deps.desk.snapshot());
    this.applyShortcuts();
  }

  /** What the last applied shortcut map could not register, by action (for the settings). */
  get shortcutProblems(): readonly ShortcutProblem[] {
    return this.problems;
  }

  /** Checks and registers the agent's shortcuts; what failed is reported, the rest works. */
  applyShortcuts(): readonly ShortcutProblem[] {
    const checked = checkShortcuts(this.deps.shortcuts());
    const taken = this.deps.shell.registerShortcuts(checked.register);
    this.problems = [
      ...checked.problems,
      ...checked.register
        .filter((entry) => taken.includes(entry.action))
        .map((entry) => ({ ...entry, reason: 'takenByAnotherApp' as const })),
    ];
    if (this.problems.length > 0) {
      this.deps.logger.warn('shortcuts: not all registered', { problems: this.problems });
    }
    return this.problems;
  }

  /** Runs the quit sequence (once), then has the shell end the process. */
  quit(): Promise<QuitReport> {
    const first = !this.quitting.started;
    const done = this.quitting.run();
    if (first) {
      void done.then((report) => {
        this.deps.logger.info('quit: leaving', { ...report });
        this.deps.shell.exit();
      });
    }
    return done;
  }

  private follow(state: DeskState): void {
    const { shell, clock } = this.deps;
    shell.showTray(trayView(state));
    const ops = this.planner.plan(state, { ccpFocused: shell.ccpFocused(), now: clock.now() });
    for (const id of ops.close) shell.closeNotification(id);
    for (const notification of ops.show) shell.showNotification(notification);
  }

  private refused(input: string, result: IntentResult): void {
    if (!result.ok)
      this.deps.logger.info('desktop input refused', { input, reason: result.reason });
  }

  trayChose(action: TrayAction): void {
    const { commands, shell } = this.deps;
    switch (action.kind) {
      case 'setStatus':
        return this.refused('tray status', commands.setStatus(action.statusId));
      case 'accept':
        return this.refused('tray accept', commands.accept(action.contactId));
      case 'reject':
        return this.refused('tray reject', commands.reject(action.contactId));
      case 'end':
        return this.refused('tray end', commands.end(action.contactId));
      case 'mute':
        return this.refused('tray mute', commands.mute(action.contactId, action.muted));
      case 'showCcp':
        return shell.bringCcpToFront();
      case 'showWidget':
        return shell.showWidget();
      case 'quit':
        void this.quit();
        return;
    }
  }

  notificationChose(id: string, choice: NotificationChoice): void {
    const about = NotificationPlanner.contactOf(id);
    const { commands, shell } = this.deps;
    // Accept and Reject act without raising a window: the agent stays where they were working.
    if (about?.kind === 'offer' && choice === 'accept') {
      return this.refused('notification accept', commands.accept(about.contactId));
    }
    if (about?.kind === 'offer' && choice === 'reject') {
      return this.refused('notification reject', commands.reject(about.contactId));
    }
    // A click on the notification itself (the only action on Linux): bring up the CCP.
    shell.bringCcpToFront();
  }

  shortcutPressed(action: ShortcutAction): void {
    const { commands } = this.deps;
    const result = {
      answer: () => commands.answer(),
      hangUp: () => commands.hangUp(),
      toggleMute: () => commands.toggleMute(),
      toggleHold: () => commands.toggleHold(),
    }[action]();
    this.refused(`shortcut ${action}`, result);
  }

  ccpCloseRequested(moment: { trayShown: boolean }): CloseDecision {
    const signedIn = this.deps.desk.snapshot().session.phase !== 'signedOut';
    const decision = closeDecision({ signedIn, quitting: this.quitting.started, ...moment });
    if (decision === 'hideToTray' && !this.toldAboutTray) {
      this.toldAboutTray = true;
      this.deps.shell.showNotification(IN_TRAY_NOTIFICATION);
    }
    return decision;
  }

  quitRequested(): void {
    void this.quit();
  }

  engineGone(reason: string): void {
    this.deps.engineGone(reason);
    this.reloadLater('engine', this.engineRestarts, () => this.deps.shell.reloadEngine());
  }

  uiGone(reason: string): void {
    this.deps.logger.error('ui page gone', { reason });
    this.reloadLater('ui', this.uiRestarts, () => this.deps.shell.reloadUi());
  }

  powerChanged(event: PowerEvent): void {
    this.deps.logger.info('power or network changed', { event });
    if (event === 'resume' || event === 'unlock' || event === 'online') {
      this.deps.commands.systemResumed();
    }
  }

  private reloadLater(page: string, backoff: RestartBackoff, reload: () => void): void {
    const decision = backoff.crashed(this.deps.clock.now());
    if (!decision.restart) {
      this.deps.logger.error(`${page} page: crashed too often, not reloaded`, {
        attempts: decision.attempts,
      });
      return;
    }
    this.deps.logger.warn(`${page} page: reloading`, { ...decision });
    if (decision.delayMs === 0) reload();
    else this.deps.clock.after(decision.delayMs, reload);
  }
}
