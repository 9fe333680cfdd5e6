/**
 * IpcTransport over Electron: ipcMain.handle for invokes, webContents.send for pushes.
 * The sender's role comes from which of our windows sent it and that it came from the window's
 * top frame at our own page, never from anything the renderer says about itself. Every window
 * attached as 'ui' gets every push to 'ui'.
 */
import { ipcMain, type WebContents } from 'electron';
import type { RendererRole } from '../../common/contract';
import type { InvokeHandler, IpcTransport } from '../ipc/IpcTransport';
import { RendererPages } from '../ipc/RendererPages';

export class ElectronTransport implements IpcTransport {
  private readonly pages = new RendererPages<WebContents>((contents) => contents.isDestroyed());

  attach(role: RendererRole, contents: WebContents, pageUrl: string): void {
    this.pages.attach(role, contents, pageUrl);
    contents.once('destroyed', () => this.pages.detach(contents));
  }

  handle(channel: string, handler: InvokeHandler): void {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      const url = frame?.url ?? '';
      const isTopFrame = frame !== null && frame === event.sender.mainFrame;
      return handler({ role: this.pages.roleOf(event.sender, { isTopFrame, url }), url }, payload);
    });
  }

  send(role: RendererRole, channel: string, payload: unknown): void {
    for (const contents of this.pages.pagesOf(role)) contents.send(channel, payload);
  }
}
