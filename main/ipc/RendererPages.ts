/**
 * Which renderer pages main talks to, by role, and who a message came from: the bookkeeping
 * both transports share (Electron's WebContents in the app, Playwright's Page in the harness).
 *
 * A role may have several pages: every UI window (the CCP window, later the compact widget)
 * renders the same DeskState, so a push to 'ui' goes to each of them. A page that is gone
 * (window closed, renderer destroyed) is dropped as soon as it is seen to be gone.
 */
import type { RendererRole } from '../../common/contract';
import { isSamePage } from './IpcTransport';

/** Where a message came from, as the transport's runtime reports it (never as the page says). */
export interface SenderFrame {
  /** Whether the message came from the page's top frame rather than an iframe. */
  readonly isTopFrame: boolean;
  /** The sending frame's URL now. */
  readonly url: string;
}

interface Attached<Page> {
  readonly role: RendererRole;
  readonly page: Page;
  readonly pageUrl: string;
}

export class RendererPages<Page> {
  private readonly attached: Attached<Page>[] = [];

  /** @param isGone whether a page can no longer receive (closed or destroyed). */
  constructor(private readonly isGone: (page: Page) => boolean) {}

  /** Adds a page under a role, loaded from `pageUrl`; attaching it again changes its role. */
  attach(role: RendererRole, page: Page, pageUrl: string): void {
    this.detach(page);
    this.attached.push({ role, page, pageUrl });
  }

  detach(page: Page): void {
    const index = this.attached.findIndex((entry) => entry.page === page);
    if (index >= 0) this.attached.splice(index, 1);
  }

  /** The live pages of a role, in the order they were attached. */
  pagesOf(role: RendererRole): Page[] {
    this.dropGone();
    return this.attached.filter((entry) => entry.role === role).map((entry) => entry.page);
  }

  /**
   * The role of a message's sender: its page must be one of ours and live, and the message must
   * come from that page's top frame while it shows our page (not an iframe, not after it
   * navigated elsewhere). Anything else has no role, and IpcRouter refuses it.
   */
  roleOf(page: Page, frame: SenderFrame): RendererRole | undefined {
    this.dropGone();
    const entry = this.attached.find((candidate) => candidate.page === page);
    if (!entry || !frame.isTopFrame || !isSamePage(frame.url, entry.pageUrl)) return undefined;
    return entry.role;
  }

  private dropGone(): void {
    for (let index = this.attached.length - 1; index >= 0; index -= 1) {
      if (this.isGone(this.attached[index]!.page)) this.attached.splice(index, 1);
    }
  }
}
