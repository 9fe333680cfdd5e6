/**
 * HistoryLog.openLoading, as the app opens the history: appends work at once, the file is read
 * in slices of the event loop, and today's index and `observe` end up holding the file's
 * records first and then what was appended meanwhile, as a full read at open would.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from './HistoryRecord';
import { HistoryLog, type HistoryLogOptions } from './HistoryLog';
import { contactAt, statusAt } from './historyRecords.testkit';
import { encodeLine } from './lineCodec';

/** 2025-06-11 10:00 UTC; UTC days, so the tests do not depend on the machine. */
const NOW = Date.UTC(2025, 5, 11, 10, 0);

describe('HistoryLog.openLoading', () => {
  let dir: string;
  let path: string;
  const opened: HistoryLog[] = [];
  const openLoading = (options: HistoryLogOptions = {}) => {
    const log = HistoryLog.openLoading(path, {
      utcOffsetMinutes: 0,
      now: () => NOW,
      durable: false,
      ...options,
    });
    opened.push(log);
    return log;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-history-loading-'));
    path = join(dir, 'contacts.jsonl');
  });
  afterEach(() => {
    for (const log of opened.splice(0)) log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `count` of today's calls, one a second from the day's start. */
  const todaysCalls = (count: number) =>
    Array.from({ length: count }, (_, i) => contactAt(Date.UTC(2025, 5, 11) + i * 1000, `c-${i}`));

  it('appends before the file is read, and indexes the file first, then the append', async () => {
    const inFile = todaysCalls(3);
    writeFileSync(path, inFile.map(encodeLine).join(''));
    const seen: HistoryRecord[] = [];
    const log = openLoading({ observe: (record) => seen.push(record) });
    expect(log.isLoading).toBe(true);
    const appended = log.append(statusAt(NOW, 'break', 'Break'));
    expect(seen).toEqual([]);

    expect(await log.loaded).toEqual({ tornBytes: 0, skippedLines: 0 });
    expect(log.isLoading).toBe(false);
    expect(seen).toEqual([...inFile, appended]);
    expect(log.today(NOW).records).toEqual([...inFile, appended]);
  });

  it('lets the event loop run while it reads a long file', async () => {
    writeFileSync(path, todaysCalls(20_000).map(encodeLine).join(''));
    const log = openLoading();
    let ranDuringRead = false;
    // Queued after the read's first slice: it runs before the read ends only if the read yields.
    setImmediate(() => setImmediate(() => (ranDuringRead = log.isLoading)));
    await log.loaded;
    expect(ranDuringRead).toBe(true);
    expect(log.today(NOW).records).toHaveLength(20_000);
  });

  it('repairs a torn end before the first append, and reports the damage once read', async () => {
    const warnings: unknown[] = [];
    writeFileSync(path, `${encodeLine(todaysCalls(1)[0]!)}not json\n${encodeLine(statusAt(NOW))}`);
    appendFileSync(path, '{"v":1,"type":"sta');
    const log = openLoading({ logger: { warn: (...args) => warnings.push(args) } });
    expect(log.recovered).toMatchObject({ tornBytes: 18 });
    log.append(statusAt(NOW + 1, 'break', 'Break'));
    expect(warnings).toEqual([]);

    const recovered = await log.loaded;
    expect(recovered).toMatchObject({ tornBytes: 18, skippedLines: 1 });
    expect(warnings).toHaveLength(1);
    expect(log.today(NOW + 2).records.map((record) => record.type)).toEqual([
      'contact',
      'status',
      'status',
    ]);
  });

  it('settles `loaded` when closed before the read ends', async () => {
    writeFileSync(path, todaysCalls(20_000).map(encodeLine).join(''));
    const log = openLoading();
    log.close();
    await expect(log.loaded).resolves.toMatchObject({ tornBytes: 0 });
    expect(log.isLoading).toBe(false);
  });

  it('reads what is left at once when the clock goes back past midnight meanwhile', async () => {
    const yesterday = contactAt(NOW - 86_400_000, 'yesterday');
    writeFileSync(path, [yesterday, ...todaysCalls(2)].map(encodeLine).join(''));
    const log = openLoading();
    expect(log.today(NOW - 86_400_000).records).toEqual([yesterday]);
    expect(log.isLoading).toBe(false);
  });
});
