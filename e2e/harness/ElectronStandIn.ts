/**
 * The thinnest recording stand-in for the main-process half of `electron`, for the boot test
 * (e2e/boot.spec.ts): the Electron binary cannot run here, so the built main bundle is loaded
 * under Node with `electron` resolved to this (electronModuleHook.ts). Only what the app's main
 * process and electron-store use exists, with Electron's names and call shapes; each object
 * records what the app did with it and lets the test do what Electron would (emit an app
 * event, paint or crash a window, press a tray item or a notification button).
 */
import { EventEmitter } from 'node:events';

/** An Electron event the listener may cancel. */
export class StandInEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  crashed = 0;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  /** The top frame: the transport compares the sender's frame with it, and reads its URL. */
  readonly mainFrame: { readonly url: string };

  constructor() {
    super();
    const url = () => this.url;
    this.mainFrame = {
      get url() {
        return url();
      },
    };
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
    this.emit('stand-in:sent', channel, payload);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  forcefullyCrashRenderer(): void {
    this.crashed += 1;
    this.emit('render-process-gone', new StandInEvent(), { reason: 'killed', exitCode: 9 });
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new StandInWebContents();
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loads: string[] = [];
  bounds: { x: number; y: number; width: number; height: number };

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.bounds = {
      x: Number(options['x'] ?? 0),
      y: Number(options['y'] ?? 0),
      width: Number(options['width'] ?? 800),
      height: Number(options['height'] ?? 600),
    };
    BrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
    this.focused = true;
  }
  showInactive(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getBounds() {
    return { ...this.bounds };
  }
  /** As Electron: 'close' may be cancelled; otherwise the window and its page are gone. */
  close(): void {
    if (this.destroyed) return;
    const event = new StandInEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
}

class StandInApp extends EventEmitter {
  readonly calls: string[] = [];
  isPackaged = true;
  /** Set once the test said Electron is ready (what must happen before, must happen before). */
  isReadyNow = false;
  userData = '';
  quitted = false;
  private ready: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.ready = resolve));

  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return true;
  }
  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId ${id}`);
  }
  setAsDefaultProtocolClient(scheme: string): boolean {
    this.calls.push(`setAsDefaultProtocolClient ${scheme}`);
    return true;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** The test says Electron is ready. */
  becomeReady(): void {
    this.isReadyNow = true;
    this.ready();
  }
  getPath(name: string): string {
    return `${this.userData}/${name === 'userData' ? 'user-data' : name}`;
  }
  getLocale(): string {
    return 'en-US';
  }
  getVersion(): string {
    return '0.0.0-boot';
  }
  /** As Electron: before-quit, then windows close, then will-quit; either may be cancelled. */
  quit(): void {
    this.calls.push('quit');
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of BrowserWindow.created) window.destroy();
    const will = new StandInEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.quitted = true;
    this.emit('quit');
  }
}

export const app = new StandInApp();

type Handler = (event: unknown, payload: unknown) => unknown;
class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, handler: Handler): void {
    this.handlers.set(channel, handler);
  }
}
export const ipcMain = new StandInIpcMain();

type PermissionHandler = (...args: unknown[]) => unknown;
export const session = {
  defaultSession: {
    requestHandler: undefined as PermissionHandler | undefined,
    checkHandler: undefined as PermissionHandler | undefined,
    deviceHandler: undefined as PermissionHandler | undefined,
    setDevicePermissionHandler(handler: PermissionHandler): void {
      this.deviceHandler = handler;
    },
    setPermissionRequestHandler(handler: PermissionHandler): void {
      this.requestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionHandler): void {
      this.checkHandler = handler;
    },
  },
};

/** Custom schemes: which were made privileged (and whether before ready), and their handlers. */
type ProtocolHandler = (request: { url: string }) => Promise<Response> | Response;
export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  privilegedBeforeReady: false,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>,
  ): void {
    this.privileged.push(...schemes);
    this.privilegedBeforeReady = !app.isReadyNow;
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea }),
  getAllDisplays: () => [{ id: 1, workArea }],
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
  openPath: () => Promise.resolve(''),
};

export const net = { fetch: (url: string, init?: RequestInit) => fetch(url, init) };

export const powerMonitor = new EventEmitter();

export const globalShortcut = {
  registered: new Map<string, () => void>(),
  register(accelerator: string, callback: () => void): boolean {
    this.registered.set(accelerator, callback);
    return true;
  },
  unregisterAll(): void {
    this.registered.clear();
  },
};

export const nativeImage = {
  createFromBitmap(buffer: Buffer, size: { width: number; height: number }) {
    return { buffer, size, addRepresentation: () => undefined };
  },
};

interface MenuItemOptions {
  id?: string;
  label?: string;
  type?: string;
  checked?: boolean;
  click?: () => void;
}
export const Menu = {
  buildFromTemplate(template: MenuItemOptions[]) {
    return { items: template };
  },
};

export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: { items: MenuItemOptions[] } | undefined;
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }
  setImage(): void {}
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(): void {}
  setContextMenu(menu: { items: MenuItemOptions[] }): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The agent chooses the menu item with this id. */
  choose(id: string): void {
    const item = this.menu?.items.find((entry) => entry.id === id);
    if (!item?.click) throw new Error(`tray: no item ${id}`);
    item.click();
  }
}

export class Notification extends EventEmitter {
  static readonly shown: Notification[] = [];
  static isSupported(): boolean {
    return true;
  }
  closed = false;
  constructor(
    readonly options: { id?: string; title?: string; body?: string; actions?: unknown[] },
  ) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
  close(): void {
    this.closed = true;
    this.emit('close', new StandInEvent());
  }
}

/** An encryption that round-trips and is plainly not protected: the app must not trust it. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (text: string) => Buffer.from(text, 'utf8'),
  decryptString: (buffer: Buffer) => buffer.toString('utf8'),
};

export default {
  app,
  BrowserWindow,
  ipcMain,
  session,
  protocol,
  screen,
  shell,
  net,
  powerMonitor,
  globalShortcut,
  nativeImage,
  Menu,
  Tray,
  Notification,
  safeStorage,
};
