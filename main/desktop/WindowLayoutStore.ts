/**
 * Where the CCP window and the widget were left (A4), kept in the settings file under
 * `desktop.windows`. Read before main is composed (the CCP window exists first), so it works
 * on the settings file itself; whatever else is under `desktop` is left as it is. A damaged
 * entry reads as no place: the window opens centred.
 */
import type { KeyValueFile } from '../settings/KeyValueFile';
import { DesktopSettings } from './desktopSettings';
import { placeWindow, WindowBounds } from './windowPlacement';

export type LaidOutWindow = 'ccp' | 'widget';

export class WindowLayoutStore {
  constructor(private readonly file: KeyValueFile) {}

  private desktop(): DesktopSettings {
    const parsed = DesktopSettings.safeParse(this.file.store['desktop'] ?? {});
    return parsed.success ? parsed.data : {};
  }

  saved(window: LaidOutWindow): WindowBounds | undefined {
    return this.desktop().windows?.[window];
  }

  /** Where to open `window` on the displays there are now (primary display's work area first). */
  place(
    window: LaidOutWindow,
    workAreas: readonly WindowBounds[],
    defaultSize: { width: number; height: number },
  ): WindowBounds {
    return placeWindow(this.saved(window), workAreas, defaultSize);
  }

  save(window: LaidOutWindow, bounds: WindowBounds): void {
    const checked = WindowBounds.safeParse(bounds);
    if (!checked.success) return;
    const desktop = this.desktop();
    this.file.set('desktop', {
      ...desktop,
      windows: { ...desktop.windows, [window]: checked.data },
    });
  }
}
