/**
 * The agent's desktop preferences as the settings screen shows them (G3, G5): the global
 * shortcuts with what is wrong with each, start at login and the compact widget's
 * always-on-top. Main checks and applies them (main/desktop/DesktopPreferences.ts); the UI only
 * shows this and sends the intents below.
 */
import { z } from 'zod';

export const ShortcutAction = z.enum(['answer', 'hangUp', 'toggleMute', 'toggleHold']);
export type ShortcutAction = z.infer<typeof ShortcutAction>;

/** An Electron accelerator per action; an empty string switches that shortcut off. */
export const ShortcutMap = z.object({
  answer: z.string().max(64),
  hangUp: z.string().max(64),
  toggleMute: z.string().max(64),
  toggleHold: z.string().max(64),
});
export type ShortcutMap = z.infer<typeof ShortcutMap>;

/** Why a shortcut is not registered; the UI words each one in the agent's language. */
export const ShortcutProblemReason = z.enum([
  'notAKeyCombination',
  'needsModifier',
  'sameAsOtherAction',
  'reservedBySystem',
  'takenByAnotherApp',
]);
export type ShortcutProblemReason = z.infer<typeof ShortcutProblemReason>;

export const ShortcutProblem = z.object({
  action: ShortcutAction,
  accelerator: z.string().max(64),
  reason: ShortcutProblemReason,
  /** For `sameAsOtherAction`: the action that keeps the keys. */
  other: ShortcutAction.optional(),
});
export type ShortcutProblem = z.infer<typeof ShortcutProblem>;

export const DesktopPreferencesState = z.object({
  shortcuts: ShortcutMap,
  /** What the shortcuts as saved could not register, by action. */
  shortcutProblems: z.array(ShortcutProblem).max(ShortcutAction.options.length),
  startAtLogin: z.boolean(),
  widgetAlwaysOnTop: z.boolean(),
});
export type DesktopPreferencesState = z.infer<typeof DesktopPreferencesState>;

/** One shortcut as the agent pressed it ('' switches it off). */
export const ShortcutRequest = z.object({
  action: ShortcutAction,
  accelerator: z.string().trim().max(64),
});
export const SwitchRequest = z.object({ enabled: z.boolean() });
