/**
 * IpcTransport over Playwright: what Electron's ipcMain/webContents are in the app.
 * The sender's role is decided from the page and frame Playwright reports for the binding
 * call, the same rule ElectronTransport applies to Electron's sender frame.
 */
import type { Page } from '@playwright/test';
import type { RendererRole } from '../../common/contract';
import {
  isSamePage,
  type InvokeHandler,
  type IpcTransport,
  type SenderInfo,
} from '../../main/ipc/IpcTransport';

export class PlaywrightTransport implements IpcTransport {
  private readonly handlers = new Map<string, InvokeHandler>();
  private readonly pages = new Map<RendererRole, { page: Page; pageUrl: string }>();

  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  }

  /** Call before the page navigates, so the binding exists when the preload runs. */
  async attach(role: RendererRole, page: Page, pageUrl: string): Promise<void> {
    this.pages.set(role, { page, pageUrl });
    await page.exposeBinding(
      '__openccpIpcInvoke',
      async (source, channel: unknown, payload: unknown) => {
        const handler = typeof channel === 'string' ? this.handlers.get(channel) : undefined;
        if (!handler) throw new Error(`No handler registered for '${String(channel)}'`);
        const url = source.frame.url();
        const isTopFrame = source.frame === source.page.mainFrame();
        const sender: SenderInfo = {
          role: isTopFrame && source.page === page && isSamePage(url, pageUrl) ? role : undefined,
          url,
        };
        return handler(sender, payload);
      },
    );
  }

  send(role: RendererRole, channel: string, payload: unknown): void {
    const target = this.pages.get(role);
    if (!target || target.page.isClosed()) return;
    target.page
      .evaluate(
        ([name, data]) =>
          (
            window as unknown as { __openccpIpcDeliver?: (c: string, p: unknown) => void }
          ).__openccpIpcDeliver?.(name, data),
        [channel, payload] as const,
      )
      .catch(() => {
        // The page is navigating or closing; Electron drops such messages too.
      });
  }
}
