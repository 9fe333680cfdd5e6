/** HistoryRecorder: history never costs a call; today's figures only with a history. */
import { describe, expect, it } from 'vitest';
import { MemoryHistory, RecordingLogger } from './desk.testkit';
import { HistoryRecorder } from './HistoryRecorder';

const STATUS = {
  type: 'status',
  at: 1_700_000_000_000,
  statusId: 'break',
  label: 'Break',
} as const;

describe('HistoryRecorder', () => {
  it('does nothing and reports no figures without a history', () => {
    const logger = new RecordingLogger();
    const recorder = new HistoryRecorder(undefined, logger);
    expect(() => recorder.append(STATUS)).not.toThrow();
    expect(recorder.today(Date.now())).toBeUndefined();
    expect(logger.text).toEqual([]);
  });

  it('logs a failed append with its error instead of throwing it into the desk', () => {
    const logger = new RecordingLogger();
    const failing = {
      append: () => {
        throw new Error('ENOSPC: no space left on device');
      },
      today: () => new MemoryHistory().today(0),
    };
    new HistoryRecorder(failing, logger).append(STATUS);
    expect(logger.named('history append failed')).toEqual([
      {
        level: 'warn',
        message: 'history append failed',
        data: { error: 'Error: ENOSPC: no space left on device' },
      },
    ]);
  });

  it('leaves the average handle time out when no contact was handled today', () => {
    const history = new MemoryHistory();
    const recorder = new HistoryRecorder(history, new RecordingLogger());
    recorder.append(STATUS);
    const today = recorder.today(STATUS.at + 1_000)!;
    expect(today).not.toHaveProperty('averageHandleMs');
    expect(today).toMatchObject({ handled: 0, missed: 0, rejected: 0, totalAcwMs: 0 });
  });
});
