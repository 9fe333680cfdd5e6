/**
 * Today's records, kept in memory so the figures the agent watches are computed from a few dozen
 * records instead of re-reading a file that grows for years. Fed once from the scan at open,
 * then by every append.
 */
import type { HistoryRecord, StatusRecord } from './HistoryRecord';
import { dayBounds, type DayOptions } from './localDay';

export interface TodayRecords {
  /** The local day these records belong to. */
  dayStart: number;
  dayEnd: number;
  /** Records with dayStart <= at < dayEnd, in the order they were appended. */
  records: readonly HistoryRecord[];
  /**
   * The last status set before the day began, still in effect at dayStart: without it, an agent
   * Available since 23:00 yesterday would have no status time this morning.
   */
  statusAtDayStart: StatusRecord | undefined;
}

export class TodayIndex {
  private dayStart: number;
  /** Everything from dayStart on, later days included, so a day change only drops records. */
  private records: HistoryRecord[] = [];
  private carried: StatusRecord | undefined;

  constructor(
    now: number,
    private readonly options: DayOptions,
  ) {
    this.dayStart = dayBounds(now, options).start;
  }

  add(record: HistoryRecord): void {
    if (record.at >= this.dayStart) this.records.push(record);
    else if (record.type === 'status') this.carry(record);
  }

  /**
   * The view for the day of `now`. Returns undefined when `now` is on an earlier day than the
   * index (the system clock was set back): those records were dropped, the caller must rebuild.
   */
  view(now: number): TodayRecords | undefined {
    const { start, end } = dayBounds(now, this.options);
    if (start < this.dayStart) return undefined;
    if (start > this.dayStart) this.moveTo(start);
    return {
      dayStart: start,
      dayEnd: end,
      records: this.records.filter((record) => record.at < end),
      statusAtDayStart: this.carried,
    };
  }

  private moveTo(dayStart: number): void {
    const kept: HistoryRecord[] = [];
    for (const record of this.records) {
      if (record.at >= dayStart) kept.push(record);
      else if (record.type === 'status') this.carry(record);
    }
    this.records = kept;
    this.dayStart = dayStart;
  }

  /** Keeps the latest status by time; on a tie the later append wins, as it was set last. */
  private carry(record: StatusRecord): void {
    if (!this.carried || record.at >= this.carried.at) this.carried = record;
  }
}
