/**
 * The harness's electron-updater: the thinnest UpdaterPort. It records the feed the app
 * configured, each check and each quitAndInstall, and lets a test deliver the updater's events
 * (an update found and downloaded) as the real one would after talking to IT's server.
 */
import type { UpdaterEvent, UpdaterPort } from '../../main/updates/UpdaterPort';

export class HarnessUpdater implements UpdaterPort {
  readonly feeds: { url: string; channel: string }[] = [];
  checks = 0;
  /** How many times the app quit to install: the "restart" a test waits for. */
  quitAndInstalls = 0;
  private listener: ((event: UpdaterEvent) => void) | undefined;

  configure(feed: { url: string; channel: 'latest' | 'beta' }): void {
    this.feeds.push(feed);
  }

  onEvent(listener: (event: UpdaterEvent) => void): void {
    this.listener = listener;
  }

  check(): Promise<void> {
    this.checks += 1;
    return Promise.resolve();
  }

  quitAndInstall(): void {
    this.quitAndInstalls += 1;
  }

  /** The server had `version` and the download finished. */
  downloaded(version: string): void {
    if (!this.listener) throw new Error('the app never listened to the updater');
    this.listener({ type: 'available', version });
    this.listener({ type: 'downloaded', version });
  }
}
