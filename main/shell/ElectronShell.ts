/**
 * ShellPort in Electron: the CCP window and the app's desktop events (dial links, a second
 * launch, the macOS dock icon).
 */
import { app, net, powerMonitor, shell, type BrowserWindow } from 'electron';
import { dialLinkFromArgv, type DialLinks } from './dialLinks';
import type { ShellInputs, ShellPort } from './ShellPort';

export interface EnginePage {
  readonly window: BrowserWindow;
  readonly url: string;
}

export class ElectronShell implements ShellPort {
  private painted = false;

  constructor(
    private readonly ccp: BrowserWindow,
    private readonly engine: EnginePage,
    private readonly dialLinks: DialLinks,
  ) {
    // Created hidden so the agent never sees an empty frame: shown once its page has painted.
    ccp.once('ready-to-show', () => {
      this.painted = true;
      ccp.show();
    });
  }

  bringCcpToFront(): void {
    // Before its first paint it is about to show itself anyway; once closed there is nothing.
    if (!this.painted || this.ccp.isDestroyed()) return;
    if (this.ccp.isMinimized()) this.ccp.restore();
    this.ccp.show();
    this.ccp.focus();
  }

  restartEngine(): void {
    const contents = this.engine.window.webContents;
    if (contents.isDestroyed()) return;
    // A hung renderer cannot run a reload; crashing it stops its media at once, and the
    // 'render-process-gone' handler above loads the page again.
    contents.forcefullyCrashRenderer();
  }

  fetch(url: string, init: RequestInit): Promise<Response> {
    return net.fetch(url, init);
  }

  openExternal(url: string): void {
    void shell.openExternal(url);
  }

  connect(inputs: ShellInputs): void {
    this.dialLinks.deliverTo((url) => inputs.openDialLink(url));
    // A second launch that carries a link is that link (dialLinks has it); without, a relaunch.
    app.on('second-instance', (_event, argv) => {
      if (!dialLinkFromArgv(argv)) inputs.relaunched();
    });
    app.on('activate', () => inputs.relaunched());
    // Reloaded at once: the desk (told through engineGone) hands the new page what it needs.
    this.engine.window.webContents.on('render-process-gone', (_event, details) => {
      inputs.engineGone(details.reason);
      void this.engine.window.loadURL(this.engine.url);
    });
    powerMonitor.on('resume', () => inputs.resumed());
    powerMonitor.on('unlock-screen', () => inputs.resumed());
  }
}
