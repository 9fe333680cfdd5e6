/**
 * The agent's contact history (A4, C4, D8, H1): an append-only JSON-Lines file, one record per
 * line, plus an in-memory index of today's records for the figures the UI shows.
 *
 * Appending costs the same on the first day and after five years: the file is opened once in
 * append mode and each record is one write of one line at its end, never a rewrite. Opening
 * repairs a torn last write from the file's end (recoverLog), then reads the whole file once to
 * build today's index; after that only export reads the file, streaming it. The app opens it
 * with `openLoading`: appends work at once and the file is read in slices of the event loop,
 * so a long history does not hold the windows back at start.
 *
 * Durability vs speed (`durable`, default true): writeSync alone puts the line in the operating
 * system's cache, which already survives the app crashing or being killed. fsync after each line
 * also survives a power cut or an OS crash, at the price of waiting for the disk on every append:
 * well under a millisecond to a few milliseconds on an SSD, more on macOS, where Node asks the
 * drive itself to flush (F_FULLFSYNC), and on spinning disks. An agent appends a few records a
 * minute, so the wait is invisible and the default is safe; `durable: false` is for bulk writers
 * and tests. Without fsync, a power cut can lose the records of the last seconds (up to about
 * half a minute on Linux's default writeback), and recovery at the next open still cuts a
 * half-written line.
 *
 * Size: a contact record is ~300-500 bytes, a status record ~100. 100,000 records (years of a
 * busy agent) make a file of roughly 40 MB. At that size appends cost what they cost on an empty
 * file (measureAppendCost), today's index still holds only today, and export streams in bounded
 * memory without blocking the event loop (~0.5 s). What grows is opening: one sequential read,
 * JSON parse and schema check of every line, about 0.4 s for 100,000 records on a development
 * VM, once per start, blocking. There is no rotation; if that ever matters, rotation can rename
 * the file by year at open without changing the format, since today's index only needs the
 * current file and the last status before today.
 *
 * One writer only: the app is single-instance (G1), and two processes appending to the same file
 * could interleave their recovery with the other's writes.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log/Logger';
import { HistoryRecord } from './HistoryRecord';
import { decodeLine, encodeLine, MAX_LINE_BYTES } from './lineCodec';
import type { DayOptions } from './localDay';
import { readLines } from './readLines';
import {
  recoverTail,
  type RecoveredTail,
  scanBody,
  scanRecordsSync,
  type Recovered,
} from './recoverLog';
import { TodayIndex, type TodayRecords } from './TodayIndex';
import { writeAll } from './writeAll';

export interface HistoryLogOptions extends DayOptions {
  /** fsync after every append (default true); see the durability note above. */
  durable?: boolean;
  /** Epoch ms; decides which day is "today" and names side files. Default Date.now. */
  now?: () => number;
  /** Told about recovered damage, for the diagnostics export. */
  logger?: Pick<Logger, 'warn'>;
  /**
   * Sees every record: each one read at open, in file order, then each one appended. For
   * in-memory indexes beside today's (the recent contacts list).
   */
  observe?: (record: HistoryRecord) => void;
}

/** How long one slice of the background read may hold the event loop (ms). */
const LOAD_SLICE_MS = 8;

export class HistoryLog {
  private fd: number | undefined;
  /** The rest of the file still to read at open; undefined once it is all read. */
  private loading: Generator<undefined, number> | undefined;
  /** Appended while the file was still being read: indexed after what was already in it. */
  private readonly appendedWhileLoading: HistoryRecord[] = [];
  private skippedLines = 0;
  private settleLoaded: (recovered: Recovered) => void = () => undefined;
  /** Settles once the whole file is read and today's index (and `observe`) hold all of it. */
  readonly loaded: Promise<Recovered>;
  /** Length of the file as far as complete lines go; readers never look past it. */
  private size: number;
  /** A failed append may have left part of a line; cut it before the next write. */
  private tailDirty = false;

  private constructor(
    readonly path: string,
    private readonly tail: RecoveredTail,
    private index: TodayIndex,
    private readonly durable: boolean,
    private readonly now: () => number,
    private readonly dayOptions: DayOptions,
    private readonly options: HistoryLogOptions,
  ) {
    this.size = tail.size;
    this.fd = openSync(path, 'a', 0o600);
    this.loaded = new Promise((resolve) => (this.settleLoaded = resolve));
    this.loading = scanBody(path, tail.size, (record) => {
      this.index.add(record);
      options.observe?.(record);
    });
  }

  /** Opens (creating it and its folder if needed), repairs and reads the whole file at `path`. */
  static open(path: string, options: HistoryLogOptions = {}): HistoryLog {
    const log = HistoryLog.begin(path, options);
    log.finishLoading();
    return log;
  }

  /**
   * Opens and repairs the file like `open`, ready to append on return, and reads the rest in
   * slices of at most LOAD_SLICE_MS: today's figures and `observe` fill in meanwhile, and
   * `loaded` settles when they hold the whole file.
   */
  static openLoading(path: string, options: HistoryLogOptions = {}): HistoryLog {
    const log = HistoryLog.begin(path, options);
    setImmediate(() => log.loadSlice());
    return log;
  }

  private static begin(path: string, options: HistoryLogOptions): HistoryLog {
    const now = options.now ?? Date.now;
    const dayOptions: DayOptions = { utcOffsetMinutes: options.utcOffsetMinutes };
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const created = !existsSync(path);
    const tail = recoverTail(path, now());
    const index = new TodayIndex(now(), dayOptions);
    const log = new HistoryLog(
      path,
      tail,
      index,
      options.durable ?? true,
      now,
      dayOptions,
      options,
    );
    if (created && options.durable !== false) syncFolder(path);
    return log;
  }

  /** What opening had to repair; all zero for a healthy file. Complete once `loaded` settles. */
  get recovered(): Recovered {
    const { tornBytes, tornFile } = this.tail;
    return { tornBytes, skippedLines: this.skippedLines, ...(tornFile ? { tornFile } : {}) };
  }

  /** Whether the file is still being read (today's figures are not whole yet). */
  get isLoading(): boolean {
    return this.loading !== undefined;
  }

  private loadSlice(): void {
    const scan = this.loading;
    if (!scan) return;
    const until = performance.now() + LOAD_SLICE_MS;
    for (;;) {
      const step = scan.next();
      if (step.done) return this.loadedAll(step.value);
      if (performance.now() >= until) break;
    }
    setImmediate(() => this.loadSlice());
  }

  /** Reads what is left of the file now, in one go. */
  private finishLoading(): void {
    const scan = this.loading;
    if (!scan) return;
    let step = scan.next();
    while (!step.done) step = scan.next();
    this.loadedAll(step.value);
  }

  private loadedAll(skippedLines: number): void {
    this.loading = undefined;
    this.skippedLines = skippedLines;
    for (const record of this.appendedWhileLoading.splice(0)) this.indexRecord(record);
    const recovered = this.recovered;
    if (recovered.tornBytes > 0 || recovered.skippedLines > 0) {
      this.options.logger?.warn('history: repaired damaged file', { ...recovered });
    }
    this.settleLoaded(recovered);
  }

  private indexRecord(record: HistoryRecord): void {
    this.index.add(record);
    this.options.observe?.(record);
  }

  /**
   * Validates `record` and appends it. Throws (a ZodError for a record that does not fit the
   * schema, an fs error for a full or failing disk) with nothing recorded; the caller keeps the
   * record and can retry. Returns the record as stored (unknown keys dropped).
   */
  append(record: HistoryRecord): HistoryRecord {
    if (this.fd === undefined) throw new Error('history: the log is closed');
    const valid = HistoryRecord.parse(record);
    const line = Buffer.from(encodeLine(valid), 'utf8');
    // The schema bounds every field, so this is a bug guard: the reader would skip such a line.
    if (line.length > MAX_LINE_BYTES) throw new Error('history: record too large');
    if (this.tailDirty) this.cutTail(this.fd);
    try {
      writeAll(this.fd, line);
      if (this.durable) fsyncSync(this.fd);
    } catch (error) {
      this.tailDirty = true;
      try {
        this.cutTail(this.fd);
      } catch {
        // Still dirty: the next append tries again before writing.
      }
      throw error;
    }
    this.size += line.length;
    if (this.loading) this.appendedWhileLoading.push(valid);
    else this.indexRecord(valid);
    return valid;
  }

  /** Today's records (local day of `now`) from memory, without touching the file. */
  today(now: number = this.now()): TodayRecords {
    const view = this.index.view(now);
    if (view) return view;
    // The clock went back past midnight: rebuild the index for that day from the file (read
    // whole first, so the rebuild is not added to by the rest of the first read).
    this.finishLoading();
    this.index = new TodayIndex(now, this.dayOptions);
    const index = this.index;
    scanRecordsSync(this.path, this.size, (record) => index.add(record));
    return index.view(now) as TodayRecords;
  }

  /**
   * Every readable record in file order, streamed in bounded memory, for export. Stops at the
   * length the file had when iteration began, so a concurrent append is never seen half-written.
   */
  async *readAll(): AsyncGenerator<HistoryRecord> {
    for await (const line of readLines(this.path, this.size)) {
      if (!line.terminated || line.text === undefined) continue;
      const decoded = decodeLine(line.text);
      if (decoded.kind === 'record') yield decoded.record;
    }
  }

  /** File length in bytes (complete lines only). */
  get sizeBytes(): number {
    return this.size;
  }

  close(): void {
    // A read still under way stops (its file handle closes) with what it has read.
    if (this.loading) {
      this.loading.return(0);
      this.loadedAll(this.skippedLines);
    }
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    closeSync(fd);
  }

  private cutTail(fd: number): void {
    ftruncateSync(fd, this.size);
    this.tailDirty = false;
  }
}

/**
 * A new file's name lives in its folder; without syncing the folder a power cut can lose the
 * file itself. POSIX only: Windows cannot open a folder, and NTFS journals the name anyway.
 */
function syncFolder(path: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dirname(path), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the records themselves are still synced line by line.
  }
}
