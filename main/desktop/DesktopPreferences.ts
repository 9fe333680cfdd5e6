/**
 * The agent's desktop preferences (G3, G5): global shortcuts, start at login and the compact
 * widget's always-on-top. Each change is saved in the settings file, applied through the shell
 * (ShellPort) and published for the settings screen, with what is wrong with each shortcut in
 * the words of `checkShortcuts` and of the OS (a combination another app holds).
 *
 * Electron-free: ElectronShell applies them with Electron, HarnessShell records them.
 */
import type {
  DesktopPreferencesState,
  IntentResult,
  ShortcutAction,
  ShortcutProblem,
} from '../../common/contract';
import type { ShellPort } from '../shell/ShellPort';
import { shortcutsOf, type DesktopSettings } from './desktopSettings';

/** What DeskCommands asks of the preferences: one intent per setting on the screen. */
export interface DesktopPreferencesPort {
  setShortcut(action: ShortcutAction, accelerator: string): IntentResult;
  setStartAtLogin(enabled: boolean): IntentResult;
  setWidgetAlwaysOnTop(enabled: boolean): IntentResult;
}

export interface DesktopPreferencesDependencies {
  /** The `desktop` entry of the settings file. */
  load(): DesktopSettings | undefined;
  save(desktop: DesktopSettings): void;
  shell: Pick<ShellPort, 'setStartAtLogin' | 'setWidgetAlwaysOnTop'>;
  /** Registers the shortcuts as saved now; returns what could not be registered. */
  applyShortcuts(): readonly ShortcutProblem[];
  changed(state: DesktopPreferencesState): void;
}

export class DesktopPreferences implements DesktopPreferencesPort {
  private problems: readonly ShortcutProblem[] = [];

  constructor(private readonly deps: DesktopPreferencesDependencies) {}

  /**
   * Publishes what the shortcuts registered at start gave, and tells the OS the saved
   * start-at-login again: the login item can be lost (a reinstall, another user's cleanup).
   */
  start(problems: readonly ShortcutProblem[]): void {
    this.problems = problems;
    const saved = this.deps.load()?.startAtLogin;
    if (saved !== undefined) this.deps.shell.setStartAtLogin(saved);
    this.publish();
  }

  /**
   * Saved even when it cannot be registered, so the agent sees what they pressed next to the
   * reason it does not work; the other shortcuts keep working.
   */
  setShortcut(action: ShortcutAction, accelerator: string): IntentResult {
    const current = this.deps.load();
    const shortcuts = { ...shortcutsOf(current), [action]: accelerator.trim() };
    this.deps.save({ ...current, shortcuts });
    this.problems = this.deps.applyShortcuts();
    this.publish();
    return { ok: true };
  }

  setStartAtLogin(enabled: boolean): IntentResult {
    this.deps.save({ ...this.deps.load(), startAtLogin: enabled });
    this.deps.shell.setStartAtLogin(enabled);
    this.publish();
    return { ok: true };
  }

  setWidgetAlwaysOnTop(enabled: boolean): IntentResult {
    this.deps.save({ ...this.deps.load(), widgetAlwaysOnTop: enabled });
    this.deps.shell.setWidgetAlwaysOnTop(enabled);
    this.publish();
    return { ok: true };
  }

  snapshot(): DesktopPreferencesState {
    const saved = this.deps.load();
    return {
      shortcuts: shortcutsOf(saved),
      shortcutProblems: [...this.problems],
      // Off unless chosen: start at login is the agent's (or IT's) decision, and many agents
      // find a window that stays on top intrusive.
      startAtLogin: saved?.startAtLogin ?? false,
      widgetAlwaysOnTop: saved?.widgetAlwaysOnTop ?? false,
    };
  }

  private publish(): void {
    this.deps.changed(this.snapshot());
  }
}
