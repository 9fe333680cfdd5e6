/**
 * The two renderer windows: the visible CCP window and the hidden engine window that keeps
 * calls alive whatever happens to the UI.
 */
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

export type PageName = 'ui' | 'engine';

export function pageUrl(page: PageName): string {
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  if (devServer) return `${devServer}/${page}/index.html`;
  return new URL(`file://${join(import.meta.dirname, '../renderer', page, 'index.html')}`).href;
}

function preloadPath(page: PageName): string {
  return join(import.meta.dirname, '../preload', `${page}.cjs`);
}

const secureDefaults = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
} as const;

export function createUiWindow(): BrowserWindow {
  return new BrowserWindow({
    width: 360,
    height: 620,
    minWidth: 320,
    minHeight: 480,
    title: 'OpenCCP',
    show: false,
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
