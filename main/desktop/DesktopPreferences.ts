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
  /**
   * The machine policy (A3): its desktop values win over the agent's, and a key it locks
   * (`desktop.startAtLogin`, `desktop.shortcuts.accept`, ...) cannot be changed here.
   */
  policy?: { values(): DesktopPolicyValues | undefined; isLocked(key: string): boolean };
}

/** What a machine policy may set (SettingsPolicy's `desktop`): any part of the preferences. */
export interface DesktopPolicyValues {
  startAtLogin?: boolean | undefined;
  widgetAlwaysOnTop?: boolean | undefined;
  shortcuts?: Partial<Record<ShortcutAction, string | undefined>> | undefined;
}

const LOCKED: IntentResult = { ok: false, reason: 'settingLocked' };

export class DesktopPreferences implements DesktopPreferencesPort {
  private problems: readonly ShortcutProblem[] = [];

  constructor(private readonly deps: DesktopPreferencesDependencies) {}

  /**
   * Publishes what the shortcuts registered at start gave, and tells the OS the saved
   * start-at-login again: the login item can be lost (a reinstall, another user's cleanup).
   */
  start(problems: readonly ShortcutProblem[]): void {
    this.problems = problems;
    const saved = this.effective()?.startAtLogin;
    if (saved !== undefined) this.deps.shell.setStartAtLogin(saved);
    this.publish();
  }

  /**
   * Saved even when it cannot be registered, so the agent sees what they pressed next to the
   * reason it does not work; the other shortcuts keep working.
   */
  setShortcut(action: ShortcutAction, accelerator: string): IntentResult {
    if (this.locked(`desktop.shortcuts.${action}`)) return LOCKED;
    const current = this.deps.load();
    const shortcuts = { ...shortcutsOf(current), [action]: accelerator.trim() };
    this.deps.save({ ...current, shortcuts });
    this.problems = this.deps.applyShortcuts();
    this.publish();
    return { ok: true };
  }

  setStartAtLogin(enabled: boolean): IntentResult {
    if (this.locked('desktop.startAtLogin')) return LOCKED;
    this.deps.save({ ...this.deps.load(), startAtLogin: enabled });
    this.deps.shell.setStartAtLogin(enabled);
    this.publish();
    return { ok: true };
  }

  setWidgetAlwaysOnTop(enabled: boolean): IntentResult {
    if (this.locked('desktop.widgetAlwaysOnTop')) return LOCKED;
    this.deps.save({ ...this.deps.load(), widgetAlwaysOnTop: enabled });
    this.deps.shell.setWidgetAlwaysOnTop(enabled);
    this.publish();
    return { ok: true };
  }

  snapshot(): DesktopPreferencesState {
    const saved = this.effective();
    return {
      shortcuts: shortcutsOf(saved),
      shortcutProblems: [...this.problems],
      // Off unless chosen: start at login is the agent's (or IT's) decision, and many agents
      // find a window that stays on top intrusive.
      startAtLogin: saved?.startAtLogin ?? false,
      widgetAlwaysOnTop: saved?.widgetAlwaysOnTop ?? false,
    };
  }

  /** The agent's saved choices with the policy's values over them. */
  private effective(): DesktopSettings | undefined {
    const saved = this.deps.load();
    const policy = this.deps.policy?.values();
    if (!policy) return saved;
    const shortcuts = { ...shortcutsOf(saved) };
    for (const [action, accelerator] of Object.entries(policy.shortcuts ?? {})) {
      if (accelerator !== undefined) shortcuts[action as ShortcutAction] = accelerator;
    }
    return {
      ...saved,
      ...(policy.startAtLogin !== undefined ? { startAtLogin: policy.startAtLogin } : {}),
      ...(policy.widgetAlwaysOnTop !== undefined
        ? { widgetAlwaysOnTop: policy.widgetAlwaysOnTop }
        : {}),
      shortcuts,
    };
  }

  private locked(key: string): boolean {
    return this.deps.policy?.isLocked(key) ?? false;
  }

  private publish(): void {
    this.deps.changed(this.snapshot());
  }
}
