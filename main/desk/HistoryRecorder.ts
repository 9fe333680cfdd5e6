/**
 * The desk's way into the contact history (C4, H1): status changes and finished contacts go
 * in, today's figures come out. History must never cost a call, so a failed append is logged,
 * not thrown into the desk.
 */
import type { DeskState } from '../../common/contract';
import type { ContactHistory } from '../history/DeskHistory';
import type { HistoryRecord } from '../history/HistoryRecord';
import type { DeskLogger } from './ports';

export class HistoryRecorder {
  constructor(
    private readonly history: ContactHistory | undefined,
    private readonly logger: DeskLogger,
  ) {}

  append(record: HistoryRecord): void {
    if (!this.history) return;
    try {
      this.history.append(record);
    } catch (error) {
      this.logger.warn('history append failed', { error: String(error) });
    }
  }

  /** Today's figures for the snapshot; none without a history. */
  today(now: number): DeskState['today'] {
    if (!this.history) return undefined;
    const today = this.history.today(now);
    return {
      handled: today.handled,
      missed: today.missed,
      rejected: today.rejected,
      ...(today.averageHandleMs !== undefined ? { averageHandleMs: today.averageHandleMs } : {}),
      totalAcwMs: today.totalAcwMs,
      statusTime: today.statusTime.map(({ statusId, label, ms }) => ({ statusId, label, ms })),
    };
  }
}
