/**
 * The few things the app asks of electron-updater, as events the update gate understands.
 * main/shell/autoUpdates.ts adapts the real autoUpdater to it; the harness shell stands in for
 * it in the end-to-end tests (there is no update server nor an installer to run here).
 */
import type { UpdateEvent } from './UpdateGate';

/** The updater's own events; the agent's consent comes from DeskCommands, not from here. */
export type UpdaterEvent = Exclude<UpdateEvent, { type: 'consent' }>;

export interface UpdaterPort {
  /** The generic update server IT runs, and the channel to follow on it. */
  configure(feed: { url: string; channel: 'latest' | 'beta' }): void;
  /** Every event of the updater from now on, translated. */
  onEvent(listener: (event: UpdaterEvent) => void): void;
  /** Looks for an update; one found downloads by itself. */
  check(): Promise<void>;
  /** Quits the app and runs the downloaded installer, which starts the app again. */
  quitAndInstall(): void;
}
