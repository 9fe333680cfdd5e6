/**
 * ShellPort for the harness: records what the app would show on the desktop, and lets a test
 * do what a person does there (open a dial link, launch the app again). What happens then is
 * decided by the real composition, exactly as with ElectronShell.
 */
import type { ShellInputs, ShellPort } from '../../main/shell/ShellPort';

export class HarnessShell implements ShellPort {
  /** How many times the app brought the CCP window to the front. */
  broughtToFront = 0;
  /** How many times the app asked for a hung engine page to be ended and loaded again. */
  engineRestarts = 0;
  private inputs: ShellInputs | undefined;

  /** HarnessApp's: ends the engine page and loads a new one, as ElectronShell does. */
  constructor(private readonly replaceEngine: () => Promise<void>) {}

  restartEngine(): void {
    this.engineRestarts += 1;
    void this.replaceEngine();
  }

  /** The engine page crashed or closed by itself (the harness has already replaced it). */
  engineGone(reason: string): void {
    this.connected().engineGone(reason);
  }

  bringCcpToFront(): void {
    this.broughtToFront += 1;
  }

  connect(inputs: ShellInputs): void {
    this.inputs = inputs;
  }

  /** Node's fetch: no Electron here, so no OS certificate store or proxy either. */
  fetch(url: string, init: RequestInit): Promise<Response> {
    return fetch(url, init);
  }

  /** The links the app opened in the browser (a chat line's http/https links). */
  readonly openedLinks: string[] = [];
  openExternal(url: string): void {
    this.openedLinks.push(url);
  }

  /** The OS hands the app a tel:, sip: or callto: link, as a click in a browser or CRM does. */
  openDialLink(url: string): void {
    this.connected().openDialLink(url);
  }

  /** The agent starts the app again while it runs. */
  relaunch(): void {
    this.connected().relaunched();
  }

  /** The machine wakes from sleep. */
  resume(): void {
    this.connected().resumed();
  }

  private connected(): ShellInputs {
    if (!this.inputs) throw new Error('harness shell: the app has not connected its inputs');
    return this.inputs;
  }
}
