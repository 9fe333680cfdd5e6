/**
 * The thinnest stand-in for the renderer half of `electron` that the real preload scripts use:
 * `contextBridge.exposeInMainWorld` and `ipcRenderer.invoke/on/removeListener`, carried over
 * Playwright bindings to the main-process code running in the test's Node process.
 *
 * Bundled in place of `electron` only for tests (the Electron binary cannot run here).
 */
type Listener = (event: { sender: 'main' }, payload: unknown) => void;

interface HarnessWindow {
  __openccpIpcInvoke?: (channel: string, payload: unknown) => Promise<unknown>;
  __openccpIpcDeliver?: (channel: string, payload: unknown) => void;
  [key: string]: unknown;
}

const win = globalThis as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

win.__openccpIpcDeliver = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: 'main' }, payload);
};

export const ipcRenderer = {
  invoke(channel: string, payload: unknown): Promise<unknown> {
    const invoke = win.__openccpIpcInvoke;
    if (!invoke) return Promise.reject(new Error('harness: main is not attached to this page'));
    return invoke(channel, payload);
  },
  on(channel: string, listener: Listener) {
    let set = listeners.get(channel);
    if (!set) listeners.set(channel, (set = new Set()));
    set.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown): void {
    // Electron freezes the copy it hands the page; do the same so pages cannot patch the API.
    Object.defineProperty(win, name, {
      value: Object.freeze(api),
      writable: false,
      configurable: false,
    });
  },
};
