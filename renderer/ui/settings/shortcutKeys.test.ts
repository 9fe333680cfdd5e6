import { describe, expect, it } from 'vitest';
import { fieldAction, readableAccelerator, type KeyPress } from './shortcutKeys';

const press = (code: string, key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('shortcut field key presses', () => {
  it('records Ctrl+Shift+F7 in the spelling of the defaults', () => {
    expect(fieldAction(press('F7', 'F7', { ctrlKey: true, shiftKey: true }))).toEqual({
      kind: 'record',
      accelerator: 'CommandOrControl+Shift+F7',
    });
  });

  it('names a letter by its position, whatever the layout types (AZERTY Q on KeyA)', () => {
    expect(fieldAction(press('KeyA', 'q', { altKey: true, shiftKey: true }))).toEqual({
      kind: 'record',
      accelerator: 'Alt+Shift+A',
    });
  });

  it('records a press without a modifier too, so main can say what is wrong with it', () => {
    expect(fieldAction(press('KeyK', 'k'))).toEqual({ kind: 'record', accelerator: 'K' });
  });

  it('leaves Tab and Shift+Tab to move between fields', () => {
    expect(fieldAction(press('Tab', 'Tab'))).toEqual({ kind: 'pass' });
    expect(fieldAction(press('Tab', 'Tab', { shiftKey: true }))).toEqual({ kind: 'pass' });
  });

  it('waits while only a modifier is held', () => {
    expect(fieldAction(press('ControlLeft', 'Control', { ctrlKey: true }))).toEqual({
      kind: 'pass',
    });
  });

  it('switches the shortcut off on Backspace or Delete alone', () => {
    expect(fieldAction(press('Backspace', 'Backspace'))).toEqual({ kind: 'clear' });
    expect(fieldAction(press('Delete', 'Delete'))).toEqual({ kind: 'clear' });
    expect(fieldAction(press('Delete', 'Delete', { ctrlKey: true }))).toEqual({
      kind: 'record',
      accelerator: 'CommandOrControl+Delete',
    });
  });

  it('leaves Escape alone to close the screen', () => {
    expect(fieldAction(press('Escape', 'Escape'))).toEqual({ kind: 'pass' });
  });

  it('reads as the OS names the keys', () => {
    expect(readableAccelerator('CommandOrControl+Shift+F7', false)).toBe('Ctrl+Shift+F7');
    expect(readableAccelerator('CommandOrControl+Alt+F7', true)).toBe('⌘+⌥+F7');
    expect(readableAccelerator('Super+K', false)).toBe('Win+K');
  });
});
