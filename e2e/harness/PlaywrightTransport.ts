/**
 * IpcTransport over Playwright: what Electron's ipcMain/webContents are in the app.
 * The sender's role is decided from the page and frame Playwright reports for the binding
 * call, by the same RendererPages rule ElectronTransport applies to Electron's sender frame,
 * and a push to a role reaches every page attached under it.
 */
import type { Page } from '@playwright/test';
import type { RendererRole } from '../../common/contract';
import type { InvokeHandler, IpcTransport } from '../../main/ipc/IpcTransport';
import { RendererPages } from '../../main/ipc/RendererPages';

export class PlaywrightTransport implements IpcTransport {
  private readonly handlers = new Map<string, InvokeHandler>();
  private readonly pages = new RendererPages<Page>((page) => page.isClosed());

  handle(channel: string, handler: InvokeHandler): void {
    this.handlers.set(channel, handler);
  }

  /** Call before the page navigates, so the binding exists when the preload runs. */
  async attach(role: RendererRole, page: Page, pageUrl: string): Promise<void> {
    this.pages.attach(role, page, pageUrl);
    await page.exposeBinding(
      '__openccpIpcInvoke',
      async (source, channel: unknown, payload: unknown) => {
        const handler = typeof channel === 'string' ? this.handlers.get(channel) : undefined;
        if (!handler) throw new Error(`No handler registered for '${String(channel)}'`);
        const url = source.frame.url();
        const isTopFrame = source.frame === source.page.mainFrame();
        return handler({ role: this.pages.roleOf(source.page, { isTopFrame, url }), url }, payload);
      },
    );
  }

  send(role: RendererRole, channel: string, payload: unknown): void {
    for (const page of this.pages.pagesOf(role)) {
      page
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
}
