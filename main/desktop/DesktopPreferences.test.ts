import { describe, expect, it } from 'vitest';
import type { DesktopPreferencesState } from '../../common/contract';
import { DesktopPreferences, type DesktopPolicyValues } from './DesktopPreferences';
import type { DesktopSettings } from './desktopSettings';
import { checkShortcuts, DEFAULT_SHORTCUTS } from './shortcutMap';

function setUp(
  saved?: DesktopSettings,
  takenByOtherApps: string[] = [],
  policy?: { values: DesktopPolicyValues; locked: string[] },
) {
  const file: { desktop: DesktopSettings | undefined } = { desktop: saved };
  const shell = { startAtLogin: [] as boolean[], onTop: [] as boolean[] };
  const published: DesktopPreferencesState[] = [];
  const preferences = new DesktopPreferences({
    load: () => file.desktop,
    save: (desktop) => {
      file.desktop = desktop;
    },
    shell: {
      setStartAtLogin: (enabled) => shell.startAtLogin.push(enabled),
      setWidgetAlwaysOnTop: (enabled) => shell.onTop.push(enabled),
    },
    // The same check Desktop.applyShortcuts runs, with the OS refusing some combinations.
    applyShortcuts: () => {
      const checked = checkShortcuts(file.desktop?.shortcuts ?? DEFAULT_SHORTCUTS);
      return [
        ...checked.problems,
        ...checked.register
          .filter((entry) => takenByOtherApps.includes(entry.accelerator))
          .map((entry) => ({ ...entry, reason: 'takenByAnotherApp' as const })),
      ];
    },
    changed: (state) => published.push(state),
    ...(policy
      ? {
          policy: {
            values: () => policy.values,
            isLocked: (key: string) => policy.locked.includes(key),
          },
        }
      : {}),
  });
  return { file, shell, published, preferences };
}

describe('DesktopPreferences', () => {
  it('starts from the default shortcuts, no start at login, widget not on top', () => {
    const { preferences, published, shell } = setUp();
    preferences.start([]);
    expect(published.at(-1)).toEqual({
      shortcuts: DEFAULT_SHORTCUTS,
      shortcutProblems: [],
      startAtLogin: false,
      widgetAlwaysOnTop: false,
    });
    // Nothing chosen: the OS's login items are left alone.
    expect(shell.startAtLogin).toEqual([]);
  });

  it('tells the OS the saved start at login again at every start', () => {
    const { preferences, shell } = setUp({ startAtLogin: true });
    preferences.start([]);
    expect(shell.startAtLogin).toEqual([true]);
  });

  it('saves a shortcut, keeps the others, and publishes what it registered', () => {
    const { preferences, published, file } = setUp();
    expect(preferences.setShortcut('answer', ' Alt+Shift+A ')).toEqual({ ok: true });
    expect(file.desktop?.shortcuts).toEqual({ ...DEFAULT_SHORTCUTS, answer: 'Alt+Shift+A' });
    expect(published.at(-1)?.shortcutProblems).toEqual([]);
  });

  it('keeps a shortcut that clashes with another action and names that action', () => {
    const { preferences, published } = setUp();
    preferences.setShortcut('toggleHold', DEFAULT_SHORTCUTS.toggleMute);
    expect(published.at(-1)?.shortcuts.toggleHold).toBe(DEFAULT_SHORTCUTS.toggleMute);
    expect(published.at(-1)?.shortcutProblems).toEqual([
      {
        action: 'toggleHold',
        accelerator: DEFAULT_SHORTCUTS.toggleMute,
        reason: 'sameAsOtherAction',
        other: 'toggleMute',
      },
    ]);
  });

  it('reports a combination another application holds', () => {
    const { preferences, published } = setUp(undefined, ['CommandOrControl+Shift+K']);
    preferences.setShortcut('hangUp', 'CommandOrControl+Shift+K');
    expect(published.at(-1)?.shortcutProblems).toMatchObject([
      { action: 'hangUp', reason: 'takenByAnotherApp' },
    ]);
  });

  it('clears the problem once the agent presses a free combination', () => {
    const { preferences, published } = setUp();
    preferences.setShortcut('answer', 'K');
    expect(published.at(-1)?.shortcutProblems).toMatchObject([{ reason: 'needsModifier' }]);
    preferences.setShortcut('answer', 'Alt+Shift+K');
    expect(published.at(-1)?.shortcutProblems).toEqual([]);
  });

  it('applies start at login and always-on-top through the shell and remembers them', () => {
    const { preferences, published, shell, file } = setUp({ shortcuts: DEFAULT_SHORTCUTS });
    expect(preferences.setStartAtLogin(true)).toEqual({ ok: true });
    expect(preferences.setWidgetAlwaysOnTop(true)).toEqual({ ok: true });
    expect(shell).toEqual({ startAtLogin: [true], onTop: [true] });
    expect(file.desktop).toEqual({
      shortcuts: DEFAULT_SHORTCUTS,
      startAtLogin: true,
      widgetAlwaysOnTop: true,
    });
    expect(published.at(-1)).toMatchObject({ startAtLogin: true, widgetAlwaysOnTop: true });
  });

  describe('under a machine policy', () => {
    const POLICY = {
      values: { startAtLogin: true, widgetAlwaysOnTop: false, shortcuts: { answer: 'Alt+F1' } },
      locked: ['desktop.startAtLogin', 'desktop.widgetAlwaysOnTop', 'desktop.shortcuts.answer'],
    };

    it('shows and applies the policy values over the agent’s own', () => {
      const saved = { startAtLogin: false, widgetAlwaysOnTop: true, shortcuts: DEFAULT_SHORTCUTS };
      const { preferences, published, shell } = setUp(saved, [], POLICY);
      preferences.start([]);
      expect(shell.startAtLogin).toEqual([true]);
      expect(published.at(-1)).toMatchObject({
        startAtLogin: true,
        widgetAlwaysOnTop: false,
        shortcuts: { ...DEFAULT_SHORTCUTS, answer: 'Alt+F1' },
      });
    });

    it('refuses each locked change with settingLocked and changes nothing', () => {
      const { preferences, shell, file } = setUp(undefined, [], POLICY);
      expect(preferences.setStartAtLogin(false)).toEqual({ ok: false, reason: 'settingLocked' });
      expect(preferences.setWidgetAlwaysOnTop(true)).toEqual({
        ok: false,
        reason: 'settingLocked',
      });
      expect(preferences.setShortcut('answer', 'Alt+Shift+A')).toEqual({
        ok: false,
        reason: 'settingLocked',
      });
      expect(shell).toEqual({ startAtLogin: [], onTop: [] });
      expect(file.desktop).toBeUndefined();
    });

    it('leaves the agent’s own value wherever the policy names a key without a value', () => {
      const saved = {
        startAtLogin: true,
        widgetAlwaysOnTop: true,
        shortcuts: { ...DEFAULT_SHORTCUTS, answer: 'Alt+Shift+A' },
      };
      const { preferences } = setUp(saved, [], {
        values: {
          startAtLogin: undefined,
          widgetAlwaysOnTop: undefined,
          shortcuts: { answer: undefined },
        },
        locked: [],
      });
      expect(preferences.snapshot()).toEqual({
        shortcuts: { ...DEFAULT_SHORTCUTS, answer: 'Alt+Shift+A' },
        shortcutProblems: [],
        startAtLogin: true,
        widgetAlwaysOnTop: true,
      });
    });

    it('still lets the agent change a shortcut the policy leaves open', () => {
      const { preferences, file } = setUp(undefined, [], POLICY);
      expect(preferences.setShortcut('hangUp', 'Alt+Shift+H')).toEqual({ ok: true });
      expect(file.desktop?.shortcuts?.hangUp).toBe('Alt+Shift+H');
    });
  });
});
