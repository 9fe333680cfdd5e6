/**
 * Turning a key press in a shortcut field into an Electron accelerator, and an accelerator
 * into what the agent reads. The field records what is pressed rather than taking typed text:
 * nobody knows Electron's spelling, and a pressed combination cannot be misspelled. Whether it
 * makes a good shortcut is main's to say (main/desktop/shortcutMap.ts), so a press without a
 * modifier is recorded too and comes back with its problem.
 */

/** The parts of a KeyboardEvent that matter here (React's and the DOM's both have them). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export type FieldAction =
  /** Leave the press to the browser: Tab moves on, a lone modifier waits for the key. */
  | { kind: 'pass' }
  /** Switch the shortcut off. */
  | { kind: 'clear' }
  | { kind: 'record'; accelerator: string };

const NAMED_CODES: Record<string, string> = {
  Space: 'Space',
  Enter: 'Return',
  NumpadEnter: 'Return',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Escape',
  MediaPlayPause: 'MediaPlayPause',
  MediaTrackNext: 'MediaNextTrack',
  MediaTrackPrevious: 'MediaPreviousTrack',
  MediaStop: 'MediaStop',
};

/** The key by its position (event.code), so the keyboard layout does not change the name. */
function keyOf(code: string): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1];
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  if (digit) return digit[1];
  if (/^F([1-9]|1\d|2[0-4])$/.test(code)) return code;
  return NAMED_CODES[code];
}

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'OS']);

export function fieldAction(press: KeyPress): FieldAction {
  const modified = press.ctrlKey || press.altKey || press.metaKey;
  // Tab and Shift+Tab move between fields, as everywhere: never a shortcut to record.
  if (press.key === 'Tab' && !modified) return { kind: 'pass' };
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'pass' };
  // Backspace or Delete alone empties the field: the shortcut is switched off.
  if ((press.key === 'Backspace' || press.key === 'Delete') && !modified && !press.shiftKey) {
    return { kind: 'clear' };
  }
  // Escape alone closes the settings screen, as it does everywhere on it.
  if (press.key === 'Escape' && !modified && !press.shiftKey) return { kind: 'pass' };
  const key = keyOf(press.code);
  if (!key) return { kind: 'pass' };
  const modifiers = [
    // Ctrl is Cmd on macOS in Electron's spelling, as the defaults are.
    ...(press.ctrlKey ? ['CommandOrControl'] : []),
    ...(press.altKey ? ['Alt'] : []),
    ...(press.shiftKey ? ['Shift'] : []),
    ...(press.metaKey ? ['Super'] : []),
  ];
  return { kind: 'record', accelerator: [...modifiers, key].join('+') };
}

/** How an accelerator reads on this OS: "Ctrl+Shift+F7", "⌘+Shift+F7" on a Mac. */
export function readableAccelerator(accelerator: string, mac: boolean): string {
  return accelerator
    .split('+')
    .map((part) => {
      if (part === 'CommandOrControl' || part === 'CmdOrCtrl') return mac ? '⌘' : 'Ctrl';
      if (part === 'Control') return 'Ctrl';
      if (part === 'Super') return mac ? '⌘' : 'Win';
      if (part === 'Alt' && mac) return '⌥';
      return part;
    })
    .join('+');
}
