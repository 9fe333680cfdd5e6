/**
 * The renderer windows: the visible CCP window, the compact widget (the same UI page in its
 * widget view) and the hidden engine window that keeps calls alive whatever happens to the UI.
 */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { pageUrl as pagePlace, type PageName } from '../desktop/pageServing';
import type { WindowBounds } from '../desktop/windowPlacement';

export type { PageName } from '../desktop/pageServing';

/** The folder the built pages are in, which `app://openccp/` serves. */
export const RENDERER_ROOT = join(import.meta.dirname, '../renderer');

/**
 * Where a page loads from (main/desktop/pageServing.ts): `app://openccp/`, or the dev server
 * only when the app is not packaged.
 */
export function pageUrl(page: PageName, packaged: boolean): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  return pagePlace(page, { packaged, ...(devServer ? { devServer } : {}) });
}

/** The widget is the UI page in its compact view. */
export function widgetUrl(uiUrl: string): string {
  const url = new URL(uiUrl);
  url.searchParams.set('view', 'widget');
  return url.href;
}

function preloadPath(page: PageName): string {
  return join(import.meta.dirname, '../preload', `${page}.cjs`);
}

export const secureDefaults = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

export const CCP_SIZE = { width: 360, height: 620 } as const;
export const WIDGET_SIZE = { width: 300, height: 180 } as const;

export function createUiWindow(bounds?: WindowBounds): BrowserWindow {
  return new BrowserWindow({
    ...CCP_SIZE,
    ...bounds,
    minWidth: 320,
    minHeight: 480,
    title: 'OpenCCP',
    show: false,
    webPreferences: { ...secureDefaults, preload: preloadPath('ui') },
  });
}

export function createWidgetWindow(options: {
  bounds?: WindowBounds | undefined;
  alwaysOnTop: boolean;
}): BrowserWindow {
  return new BrowserWindow({
    ...WIDGET_SIZE,
    ...options.bounds,
    minWidth: 240,
    minHeight: 140,
    title: 'OpenCCP',
    show: false,
    // Off unless the agent chose it: many agents find a window that stays on top intrusive.
    alwaysOnTop: options.alwaysOnTop,
    minimizable: true,
    maximizable: false,
    fullscreenable: false,
    webPreferences: { ...secureDefaults, preload: preloadPath('ui') },
  });
}

export function createEngineWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      ...secureDefaults,
      preload: preloadPath('engine'),
      // A hidden window is throttled by default; the engine must keep its timers and audio.
      backgroundThrottling: false,
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
}
