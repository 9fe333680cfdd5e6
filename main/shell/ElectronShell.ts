/**
 * ShellPort in Electron: the CCP window and the app's desktop events (dial links, a second
 * launch, the macOS dock icon).
 */
import { app, net, type BrowserWindow } from 'electron';
import { dialLinkFromArgv, type DialLinks } from './dialLinks';
import type { ShellInputs, ShellPort } from './ShellPort';

export class ElectronShell implements ShellPort {
  private painted = false;

  constructor(
    private readonly ccp: BrowserWindow,
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

  fetch(url: string, init: RequestInit): Promise<Response> {
    return net.fetch(url, init);
  }

  connect(inputs: ShellInputs): void {
    this.dialLinks.deliverTo((url) => inputs.openDialLink(url));
    // A second launch that carries a link is that link (dialLinks has it); without, a relaunch.
    app.on('second-instance', (_event, argv) => {
      if (!dialLinkFromArgv(argv)) inputs.relaunched();
    });
    app.on('activate', () => inputs.relaunched());
  }
}
