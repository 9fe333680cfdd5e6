/**
 * How main talks to its renderers, as an interface: Electron's ipcMain/webContents in the app,
 * Playwright bindings in the test harness. Everything above it is the same code in both.
 */
import type { RendererRole } from '../../common/contract';

/** Who sent a message, as established by the transport from the sender's frame, not the payload. */
export interface SenderInfo {
  /** Undefined when the frame is not one of the app's own pages (an iframe, a navigated page). */
  readonly role: RendererRole | undefined;
  readonly url: string;
}

export type InvokeHandler = (sender: SenderInfo, payload: unknown) => Promise<unknown>;

export interface IpcTransport {
  handle(channel: string, handler: InvokeHandler): void;
  /** Pushes to every live page of the role: each UI window gets the same DeskState. */
  send(role: RendererRole, channel: string, payload: unknown): void;
}

/** Whether a frame's URL is the given page, ignoring query and fragment (SPA routes). */
export function isSamePage(actual: string, expected: string): boolean {
  const strip = (value: string) => value.split('#')[0]!.split('?')[0];
  return strip(actual) === strip(expected);
}
