/**
 * Global shortcuts (G3, D1): answer, hang up, mute and hold from any application, as Electron
 * accelerators the agent can change in the settings. Before anything is registered the map is
 * checked here, and each problem is reported by action so the settings can say it plainly:
 * not a key combination, no modifier (it would swallow a plain key in every app), the same
 * keys as another action, or a combination the OS or every app already uses (Alt+F4, Ctrl+C).
 * A combination another application holds is only known when registering; the shell reports
 * it as `takenByAnotherApp`.
 */
import {
  ShortcutAction,
  ShortcutMap,
  type ShortcutProblem,
  type ShortcutProblemReason,
} from '../../common/contract/desktopPreferences';

// The map and its problems are part of the contract: the settings screen shows them.
export { ShortcutAction, ShortcutMap, type ShortcutProblem, type ShortcutProblemReason };

/**
 * Ctrl+Shift with a function key: free in the common agent desktops (browsers, Office, CRMs),
 * and never typed by accident. Ctrl+Alt+letter is avoided: on many European layouts that is
 * AltGr, which types characters (AltGr+E is the euro sign).
 */
export const DEFAULT_SHORTCUTS: ShortcutMap = {
  answer: 'CommandOrControl+Shift+F7',
  hangUp: 'CommandOrControl+Shift+F8',
  toggleMute: 'CommandOrControl+Shift+F9',
  toggleHold: 'CommandOrControl+Shift+F10',
};

const MODIFIERS: Record<string, string> = {
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};
const MODIFIER_ORDER = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'];

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'MediaPlayPause',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
];
/** Keys that are never typed, so they make a shortcut without a modifier. */
const STANDALONE = /^(F1[3-9]|F2[0-4]|Media\w+)$/;

function keyName(raw: string): string | undefined {
  if (/^[A-Za-z0-9]$/.test(raw)) return raw.toUpperCase();
  const fn = /^f([1-9]|1\d|2[0-4])$/i.exec(raw);
  if (fn) return `F${fn[1]}`;
  if (/^[)!@#$%^&*(:;:+=<,_\->.?/~`{\][|\\}"']$/.test(raw)) return raw;
  return NAMED_KEYS.find((name) => name.toLowerCase() === raw.toLowerCase());
}

/** The accelerator in one spelling (modifiers in a fixed order), or undefined if it is none. */
export function normalizeAccelerator(
  text: string,
): { modifiers: string[]; key: string } | undefined {
  const parts = text.split('+').map((part) => part.trim());
  // "Ctrl++" names the plus key by an empty part; Electron spells it "Plus".
  if (parts.length < 1 || parts.some((part) => part.length === 0)) return undefined;
  const key = keyName(parts[parts.length - 1] ?? '');
  if (!key || MODIFIERS[key.toLowerCase()]) return undefined;
  const modifiers = new Set<string>();
  for (const part of parts.slice(0, -1)) {
    const modifier = MODIFIERS[part.toLowerCase()];
    if (!modifier || modifiers.has(modifier)) return undefined;
    modifiers.add(modifier);
  }
  return { modifiers: MODIFIER_ORDER.filter((name) => modifiers.has(name)), key };
}

const spell = (parsed: { modifiers: string[]; key: string }): string =>
  [...parsed.modifiers, parsed.key].join('+');

/** What the OS or every application already does with these keys; never taken over. */
const RESERVED = new Set(
  [
    'Alt+F4',
    'Alt+Tab',
    'Alt+Shift+Tab',
    'Alt+Space',
    'Alt+Escape',
    'Control+Escape',
    'Control+Alt+Delete',
    'Super+L',
    'Super+D',
    'Super+Tab',
    'Command+Q',
    'Command+Tab',
    'Command+Space',
    'Command+W',
    'Command+H',
    'Command+M',
    'Control+Alt+T',
    'Control+Alt+L',
    // Clipboard, undo and select-all in every application.
    ...['C', 'V', 'X', 'Z', 'Y', 'A', 'S', 'P', 'F', 'N', 'T', 'W', 'Q'].flatMap((key) => [
      `CommandOrControl+${key}`,
      `Control+${key}`,
      `Command+${key}`,
    ]),
  ].map((text) => {
    const parsed = normalizeAccelerator(text);
    if (!parsed) throw new Error(`reserved shortcut list: ${text} is not an accelerator`);
    return spell(parsed);
  }),
);

/** CommandOrControl is Control off macOS: compare both spellings for the reserved list. */
function reservedSpellings(parsed: { modifiers: string[]; key: string }): string[] {
  const plain = spell(parsed);
  if (!parsed.modifiers.includes('CommandOrControl')) return [plain];
  const swap = (to: string) =>
    spell({
      key: parsed.key,
      modifiers: MODIFIER_ORDER.filter(
        (name) => name === to || (name !== 'CommandOrControl' && parsed.modifiers.includes(name)),
      ),
    });
  return [plain, swap('Control'), swap('Command')];
}

export interface CheckedShortcuts {
  /** What may be registered: one accelerator (normalized) per action. */
  register: Array<{ action: ShortcutAction; accelerator: string }>;
  problems: ShortcutProblem[];
}

/** Checks a map before registering it; the first action keeps keys that two actions share. */
export function checkShortcuts(map: ShortcutMap): CheckedShortcuts {
  const checked: CheckedShortcuts = { register: [], problems: [] };
  const owners = new Map<string, ShortcutAction>();
  for (const action of ShortcutAction.options) {
    const accelerator = map[action].trim();
    if (accelerator.length === 0) continue;
    const parsed = normalizeAccelerator(accelerator);
    const problem = (reason: ShortcutProblemReason, other?: ShortcutAction) =>
      checked.problems.push({ action, accelerator, reason, ...(other ? { other } : {}) });
    if (!parsed) {
      problem('notAKeyCombination');
      continue;
    }
    if (parsed.modifiers.length === 0 && !STANDALONE.test(parsed.key)) {
      problem('needsModifier');
      continue;
    }
    if (reservedSpellings(parsed).some((spelling) => RESERVED.has(spelling))) {
      problem('reservedBySystem');
      continue;
    }
    const normalized = spell(parsed);
    const owner = owners.get(normalized);
    if (owner) {
      problem('sameAsOtherAction', owner);
      continue;
    }
    owners.set(normalized, action);
    checked.register.push({ action, accelerator: normalized });
  }
  return checked;
}
