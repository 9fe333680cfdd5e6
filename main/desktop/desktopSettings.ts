/**
 * The agent's desktop settings, kept in the settings file under `desktop`: global shortcuts
 * (G3), the compact widget's always-on-top (off by default: many agents find it intrusive),
 * start at login (G5; a machine policy may lock it), and where each window was left (A4).
 */
import { z } from 'zod';
import { DEFAULT_SHORTCUTS, ShortcutMap } from './shortcutMap';
import { WindowBounds } from './windowPlacement';

export const DesktopSettings = z.object({
  shortcuts: ShortcutMap.optional(),
  widgetAlwaysOnTop: z.boolean().optional(),
  startAtLogin: z.boolean().optional(),
  windows: z.object({ ccp: WindowBounds.optional(), widget: WindowBounds.optional() }).optional(),
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

export function shortcutsOf(settings: DesktopSettings | undefined): ShortcutMap {
  return settings?.shortcuts ?? DEFAULT_SHORTCUTS;
}
