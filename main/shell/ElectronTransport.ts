/**
 * IpcTransport over Electron: ipcMain.handle for invokes, webContents.send for pushes.
 * The sender's role comes from which of our windows sent it and that it came from the window's
 * top frame at our own page, never from anything the renderer says about itself.
 */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron';
import type { RendererRole } from '../../common/contract';
import {
  isSamePage,
  type InvokeHandler,
  type IpcTransport,
  type SenderInfo,
} from '../ipc/IpcTransport';

export class ElectronTransport implements IpcTransport {
  private readonly renderers = new Map<RendererRole, { contents: WebContents; pageUrl: string }>();

  attach(role: RendererRole, contents: WebContents, pageUrl: string): void {
    this.renderers.set(role, { contents, pageUrl });
  }

  handle(channel: string, handler: InvokeHandler): void {
    ipcMain.handle(channel, (event, payload: unknown) =>
      handler(this.senderOf(event.sender, event.senderFrame), payload),
    );
  }

  send(role: RendererRole, channel: string, payload: unknown): void {
    const target = this.renderers.get(role);
    if (target && !target.contents.isDestroyed()) target.contents.send(channel, payload);
  }

  private senderOf(contents: WebContents, frame: WebFrameMain | null): SenderInfo {
    const url = frame?.url ?? '';
    for (const [role, known] of this.renderers) {
      const isTopFrame = frame !== null && frame === contents.mainFrame;
      if (known.contents === contents && isTopFrame && isSamePage(url, known.pageUrl))
        return { role, url };
    }
    return { role: undefined, url };
  }
}
