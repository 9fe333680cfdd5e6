/**
 * The desk's latest notice: one at a time, each with a new id so the UI can tell a repeat of
 * the same code from the one it already dismissed.
 */
import type { Notice, NoticeCode } from '../../common/contract';

export class Notices {
  private latest: Notice | undefined;
  private seq = 0;

  get current(): Notice | undefined {
    return this.latest;
  }

  post(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void {
    this.seq += 1;
    this.latest = { id: this.seq, level, code, ...(values ? { values } : {}) };
  }

  clear(): void {
    this.latest = undefined;
  }
}
