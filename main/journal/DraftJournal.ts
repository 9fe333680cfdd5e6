/**
 * The drafts journal (Reliability): the contacts open on the desk and what the agent has written
 * about them, kept in one small file in the user data folder as the agent types, so that a crash,
 * a kill or a power cut does not take the notes with it. At the next start, a journal left behind
 * means the app closed with those contacts open (DraftJournal.open returns them).
 *
 * Writing: the whole set is written to a temporary file, synced, and renamed over the journal.
 * A rename replaces the file in one step, so a reader sees the old set or the new one, never half
 * of one; a crash mid-write leaves only a stray temporary file, removed at the next open.
 *
 * Typing is the hot path: the UI already sends a draft after a 400 ms pause, and the desk reports
 * every change (call quality every 2 s included). So `record` only compares and remembers (a
 * JSON.stringify of a few KB, microseconds); the write runs in the background, one at a time,
 * and whatever changed meanwhile is written next, latest state wins. Renames and removals run on
 * the main thread, in order, so a late background write can never land over a newer state.
 *
 * Quitting: `close` waits for the write under way and writes the last state. `flushSync` is for
 * paths that cannot wait (process exit): it writes the last state at once and cancels the rename
 * of a write still in flight.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ContactDraft } from '../desk/contacts/contactDraft';
import type { DraftJournalPort } from '../desk/ports';
import type { Logger } from '../log/Logger';
import { decodeJournal, encodeJournal, type LeftBehind } from './journalFile';

export interface DraftJournalOptions {
  logger: Pick<Logger, 'warn'>;
  /** Epoch ms, stamped into each write (the last moment the app was known to be on a contact). */
  now?: () => number;
  /** Sync each write to the disk before the rename (default true): survives a power cut. */
  durable?: boolean;
}

export interface OpenedJournal {
  journal: DraftJournal;
  /** What the last run left behind: contacts it had open when it closed. */
  leftBehind: LeftBehind | undefined;
}

export class DraftJournal implements DraftJournalPort {
  /** The set last handed to `record`, as written (its JSON); undefined before any record. */
  private latest: string | undefined;
  /** The contacts of `latest`, for the next write. */
  private latestDrafts: readonly ContactDraft[] = [];
  /** What the file holds now (its contacts' JSON); '[]' when there is no file. */
  private onDisk = '[]';
  private writing: Promise<void> | undefined;
  private closed = false;
  /**
   * Set while contacts left behind wait to be restored: the desk reports its (still empty) set
   * before it takes them back, and writing that would delete them. `resume` lifts it.
   */
  private held = false;
  private readonly temp: string;
  private readonly now: () => number;
  private readonly durable: boolean;

  private constructor(
    readonly path: string,
    private readonly options: DraftJournalOptions,
  ) {
    this.temp = `${path}.tmp`;
    this.now = options.now ?? Date.now;
    this.durable = options.durable ?? true;
  }

  /**
   * Opens the journal at `path` and reads what the last run left there. A damaged file (not
   * JSON, or not a journal this version can read) is moved aside for support and reported, so
   * it is never restored half-read nor counted again; the app starts either way.
   */
  static open(path: string, options: DraftJournalOptions): OpenedJournal {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const journal = new DraftJournal(path, options);
    // Writes the last run never finished: the journal itself is intact without them.
    rmSync(journal.temp, { force: true });
    rmSync(`${journal.temp}-sync`, { force: true });
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { journal, leftBehind: undefined };
      throw error;
    }
    const decoded = decodeJournal(text);
    if (decoded.kind === 'damaged') {
      const kept = `${path}.damaged-${journal.now()}`;
      renameSync(path, kept);
      options.logger.warn('drafts journal: damaged, moved aside', {
        kept,
        problem: decoded.problem,
      });
      return { journal, leftBehind: undefined };
    }
    // Kept on disk, untouched, until the desk has restored them and `resume` is called.
    journal.onDisk = JSON.stringify(decoded.leftBehind.contacts);
    journal.held = true;
    return { journal, leftBehind: decoded.leftBehind };
  }

  /** The desk's contacts changed: remember the newest set, write it in the background. */
  record(drafts: readonly ContactDraft[]): void {
    if (this.closed) return;
    const text = JSON.stringify(drafts);
    if (text === this.latest) return;
    this.latest = text;
    this.latestDrafts = drafts;
    if (!this.held) this.startWriting();
  }

  /** The contacts left behind are back on the desk: writes go ahead, the newest set first. */
  resume(): void {
    if (!this.held) return;
    this.held = false;
    if (this.latest !== undefined) this.startWriting();
  }

  /** Resolves once the file holds the newest set recorded so far. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Clean quit: the last state is written, nothing after it. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /**
   * Stops writing without writing the last state, as a process killed now would: the file keeps
   * what was written last. The test harness uses it to kill an app that shares its process.
   */
  abandon(): void {
    this.closed = true;
  }

  /** Exit paths that cannot wait: the last state now, synchronously; a write in flight is void. */
  flushSync(): void {
    if (this.closed || this.held) return;
    this.closed = true;
    const text = this.latest;
    if (text === undefined || text === this.onDisk) return;
    try {
      if (text === '[]') return this.removeFile();
      // Its own temporary name: the background write may still have `temp` open.
      const temp = `${this.temp}-sync`;
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeFileSync(fd, encodeJournal(this.latestDrafts, this.now()));
        if (this.durable) fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
      this.onDisk = text;
    } catch (error) {
      this.options.logger.warn('drafts journal: final write failed', { error: String(error) });
    }
  }

  /**
   * One background writer at a time. It starts on the next microtask: a drain with nothing to
   * await (a removal) would otherwise finish, and clear `writing`, before `writing` was even set,
   * leaving a settled promise there that no later change would ever replace.
   */
  private startWriting(): void {
    this.writing ??= Promise.resolve().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (!this.closed && this.latest !== undefined && this.latest !== this.onDisk) {
        const text = this.latest;
        const drafts = this.latestDrafts;
        try {
          await this.writeAsync(text, drafts);
        } catch (error) {
          // Kept in memory: the next change tries again. The agent's typing is never blocked.
          this.options.logger.warn('drafts journal: write failed', { error: String(error) });
          return;
        }
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async writeAsync(text: string, drafts: readonly ContactDraft[]): Promise<void> {
    if (text === '[]') return this.removeFile();
    const bytes = encodeJournal(drafts, this.now());
    const file = await open(this.temp, 'w', 0o600);
    try {
      await file.writeFile(bytes);
      if (this.durable) await file.sync();
    } finally {
      await file.close();
    }
    // flushSync ran meanwhile and wrote a newer state: this one must not replace it.
    if (this.closed) return;
    renameSync(this.temp, this.path);
    this.onDisk = text;
    if (this.durable) await syncFolder(dirname(this.path));
  }

  /** No contact open: nothing to restore, so no file (a clean start finds none). */
  private removeFile(): void {
    rmSync(this.path, { force: true });
    this.onDisk = '[]';
  }
}

/**
 * A rename lives in the folder: without syncing it, a power cut can bring the old file back.
 * POSIX only (Windows cannot open a folder; NTFS journals the rename). Best effort.
 */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file's contents are synced already; only a power cut could undo the rename.
  }
}
