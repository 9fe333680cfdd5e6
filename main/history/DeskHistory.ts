/**
 * The desk's view of the history log: append what happened, read today's figures, export CSV.
 * Appends are fsync'd one line each (HistoryLog), so a crash loses at most the line in flight.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { historyCsv } from './csvExport';
import { todayMetrics, type DailyMetrics } from './dailyMetrics';
import type { HistoryLog } from './HistoryLog';
import type { HistoryRecord } from './HistoryRecord';

export interface ContactHistory {
  append(record: HistoryRecord): void;
  today(now: number): DailyMetrics;
}

export class DeskHistory implements ContactHistory {
  constructor(
    private readonly log: HistoryLog,
    private readonly exportDir: string,
  ) {}

  append(record: HistoryRecord): void {
    this.log.append(record);
  }

  today(now: number): DailyMetrics {
    return todayMetrics(this.log.today(now), { now });
  }

  /** Writes the whole history as CSV into the export folder and returns the file's path. */
  async exportCsv(now: number): Promise<string> {
    mkdirSync(this.exportDir, { recursive: true });
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const file = join(this.exportDir, `openccp-history-${stamp}.csv`);
    await pipeline(Readable.from(historyCsv(this.log.readAll())), createWriteStream(file));
    return file;
  }
}
