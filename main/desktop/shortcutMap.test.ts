/** Global shortcuts are checked before registering, and every problem is reported by action. */
import { describe, expect, it } from 'vitest';
import { checkShortcuts, DEFAULT_SHORTCUTS, normalizeAccelerator } from './shortcutMap';

describe('shortcut map', () => {
  it('registers the defaults as they are, with no problem', () => {
    const checked = checkShortcuts(DEFAULT_SHORTCUTS);
    expect(checked.problems).toEqual([]);
    expect(checked.register).toEqual([
      { action: 'answer', accelerator: 'CommandOrControl+Shift+F7' },
      { action: 'hangUp', accelerator: 'CommandOrControl+Shift+F8' },
      { action: 'toggleMute', accelerator: 'CommandOrControl+Shift+F9' },
      { action: 'toggleHold', accelerator: 'CommandOrControl+Shift+F10' },
    ]);
  });

  it('spells any accepted form one way: aliases, case, modifier order', () => {
    expect(normalizeAccelerator('shift+ctrl+a')).toEqual({
      modifiers: ['Control', 'Shift'],
      key: 'A',
    });
    expect(normalizeAccelerator('CmdOrCtrl+Option+f12')).toEqual({
      modifiers: ['CommandOrControl', 'Alt'],
      key: 'F12',
    });
    expect(normalizeAccelerator('Ctrl+Ctrl+A')).toBeUndefined();
    expect(normalizeAccelerator('Ctrl+')).toBeUndefined();
    expect(normalizeAccelerator('Ctrl+Shift')).toBeUndefined();
    expect(normalizeAccelerator('Hyper+A')).toBeUndefined();
  });

  it('the same keys for two actions: the first keeps them, the second is reported against it', () => {
    const checked = checkShortcuts({
      ...DEFAULT_SHORTCUTS,
      toggleHold: 'shift+ctrl+f9',
      toggleMute: 'Ctrl+Shift+F9',
    });
    expect(checked.problems).toEqual([
      {
        action: 'toggleHold',
        accelerator: 'shift+ctrl+f9',
        reason: 'sameAsOtherAction',
        other: 'toggleMute',
      },
    ]);
    expect(checked.register.map((entry) => entry.action)).toEqual([
      'answer',
      'hangUp',
      'toggleMute',
    ]);
  });

  it('refuses what is not a key combination, and a plain key that would be swallowed everywhere', () => {
    const checked = checkShortcuts({ ...DEFAULT_SHORTCUTS, answer: 'Ctrl+Banana', hangUp: 'E' });
    expect(checked.problems.map((p) => [p.action, p.reason])).toEqual([
      ['answer', 'notAKeyCombination'],
      ['hangUp', 'needsModifier'],
    ]);
  });

  it('allows keys nobody types without a modifier (F13-F24, media keys)', () => {
    const checked = checkShortcuts({
      ...DEFAULT_SHORTCUTS,
      answer: 'F13',
      hangUp: 'MediaPlayPause',
    });
    expect(checked.problems).toEqual([]);
  });

  it('never takes over what the OS or every application uses (close window, copy, paste)', () => {
    const checked = checkShortcuts({
      answer: 'Alt+F4',
      hangUp: 'CommandOrControl+C',
      toggleMute: 'Ctrl+V',
      toggleHold: 'Command+Q',
    });
    expect(checked.problems.map((p) => p.reason)).toEqual([
      'reservedBySystem',
      'reservedBySystem',
      'reservedBySystem',
      'reservedBySystem',
    ]);
    expect(checked.register).toEqual([]);
  });

  it('an empty accelerator switches that shortcut off without a problem', () => {
    const checked = checkShortcuts({ ...DEFAULT_SHORTCUTS, toggleHold: '  ' });
    expect(checked.problems).toEqual([]);
    expect(checked.register.map((entry) => entry.action)).not.toContain('toggleHold');
  });
});
