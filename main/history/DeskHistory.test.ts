/**
 * DeskHistory over a real HistoryLog in a temporary folder: what the desk appends is what
 * today's figures and the CSV export read back, and the export lands in a new folder under a
 * name that sorts by time and is valid on every OS (no ':' for Windows).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskHistory } from './DeskHistory';
import { HistoryLog } from './HistoryLog';
import { contactAt, statusAt } from './historyRecords.testkit';

const NOW = Date.UTC(2025, 5, 11, 10, 30, 15, 250);

describe('DeskHistory', () => {
  let dir: string;
  let log: HistoryLog;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-deskhistory-'));
    log = HistoryLog.open(join(dir, 'history.jsonl'), { utcOffsetMinutes: 0, now: () => NOW });
  });
  afterEach(() => {
    log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("appends to the log, and today's figures count what was appended", () => {
    const history = new DeskHistory(log, join(dir, 'exports'));
    history.append(statusAt(NOW - 60_000, 'available', 'Available'));
    history.append(contactAt(NOW - 30_000, 'c1', { handleMs: 20_000 }));
    const today = history.today(NOW);
    expect(today).toMatchObject({ handled: 1, averageHandleMs: 20_000 });
    expect(today.statusTime).toEqual([{ statusId: 'available', label: 'Available', ms: 60_000 }]);
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('measures status time up to the now it is given', () => {
    const history = new DeskHistory(log, join(dir, 'exports'));
    history.append(statusAt(NOW - 60_000, 'available', 'Available'));
    expect(history.today(NOW + 60_000).statusTime[0]?.ms).toBe(120_000);
  });

  it('exports the CSV into a folder it creates, named by the time without colons or dots', async () => {
    const exportDir = join(dir, 'not', 'yet', 'there');
    const history = new DeskHistory(log, exportDir);
    history.append(contactAt(NOW - 30_000, 'c1', { notes: 'asked for a refund' }));
    const file = await history.exportCsv(NOW);
    expect(dirname(file)).toBe(exportDir);
    expect(basename(file)).toBe('openccp-history-2025-06-11T10-30-15-250Z.csv');
    expect(existsSync(file)).toBe(true);
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('c1');
    expect(csv).toContain('asked for a refund');
  });
});
