/**
 * The customer lookup window (D8, profile `customerLookup.open: "panel"`): the CRM page in a
 * window of its own beside the CCP, reused for each lookup.
 *
 * Why a window and not an <iframe sandbox> in the CCP page: a CRM is a full web application
 * that signs its users in with cookies and storage. In an iframe sandboxed without
 * allow-same-origin (the only way to keep it from the `ccp` API's page) it runs at an opaque
 * origin where cookies and storage do not work, so most CRMs could not even sign in; and the
 * CCP page's CSP would have to allow framing any CRM origin. Here the page gets no preload (no
 * `ccp` API, no Node), the renderer sandbox, and its own persistent session partition (the
 * agent stays signed in to the CRM, and the CRM's cookies never mix with the app's pages),
 * which is not granted the microphone or any other permission. It may navigate within http(s)
 * (CRMs redirect through their sign-in); its pop-ups open in the agent's browser.
 */
import { BrowserWindow, shell } from 'electron';
import { secureDefaults } from './windows';

const PARTITION = 'persist:customer-lookup';
const isHttp = (url: string) => /^https?:\/\//i.test(url);

export class LookupWindow {
  private window: BrowserWindow | undefined;

  show(url: string): void {
    const window = this.window && !this.window.isDestroyed() ? this.window : this.create();
    void window.loadURL(url);
    window.show();
    window.focus();
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 900,
      height: 700,
      title: 'OpenCCP',
      show: false,
      autoHideMenuBar: true,
      webPreferences: { ...secureDefaults, partition: PARTITION },
    });
    const { webContents } = window;
    webContents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
      callback(false),
    );
    webContents.session.setPermissionCheckHandler(() => false);
    webContents.on('will-navigate', (event, url) => {
      if (!isHttp(url)) event.preventDefault();
    });
    webContents.setWindowOpenHandler(({ url }) => {
      if (isHttp(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.on('closed', () => {
      if (this.window === window) this.window = undefined;
    });
    this.window = window;
    return window;
  }
}
