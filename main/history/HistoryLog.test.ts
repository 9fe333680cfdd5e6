import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRecord } from './HistoryRecord';
import { HistoryLog, type HistoryLogOptions } from './HistoryLog';
import { encodeLine, MAX_LINE_BYTES } from './lineCodec';
import { contactAt, statusAt } from './historyRecords.testkit';

const HOUR = 3_600_000;
/** 2025-06-11 10:00 UTC; the tests use UTC days so they do not depend on the machine. */
const NOW = Date.UTC(2025, 5, 11, 10, 0);
const MIDNIGHT = Date.UTC(2025, 5, 11);

async function collect(log: HistoryLog): Promise<HistoryRecord[]> {
  const records: HistoryRecord[] = [];
  for await (const record of log.readAll()) records.push(record);
  return records;
}

describe('HistoryLog', () => {
  let dir: string;
  let path: string;
  let clock: number;
  const open: HistoryLog[] = [];
  const openLog = (options: HistoryLogOptions = {}) => {
    const log = HistoryLog.open(path, { utcOffsetMinutes: 0, now: () => clock, ...options });
    open.push(log);
    return log;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-history-'));
    path = join(dir, 'history', 'history.jsonl');
    clock = NOW;
  });
  afterEach(() => {
    for (const log of open.splice(0)) log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const full = contactAt(NOW - HOUR, 'c-1', {
    direction: 'outbound',
    peer: { number: '+15551234567', displayName: 'Zoë "Z" Müller, 東京' },
    queue: 'Billing',
    outcome: 'handled',
    offeredAt: NOW - 2 * HOUR,
    connectedAt: NOW - 2 * HOUR + 5_000,
    endedAt: NOW - HOUR - 60_000,
    acwEndedAt: NOW - HOUR,
    handleMs: HOUR - 65_000,
    acwMs: 60_000,
    endReason: 'BYE',
    notes: 'line one\nline two, "quoted"',
    wrapUpCode: 'billing',
    followUp: { note: 'call back', dueAt: NOW + 24 * HOUR },
  });
  const records: HistoryRecord[] = [
    statusAt(NOW - 3 * HOUR),
    full,
    contactAt(NOW - 30 * 60_000, 'c-2', { outcome: 'missed' }),
  ];

  it('reads back after a restart what was appended, one versioned line per record', async () => {
    const log = openLog();
    for (const record of records) log.append(record);
    log.close();

    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines).toHaveLength(records.length + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((line) => JSON.parse(line).v)).toEqual([1, 1, 1]);

    const reopened = openLog();
    expect(reopened.recovered).toEqual({ tornBytes: 0, skippedLines: 0 });
    expect(await collect(reopened)).toEqual(records);
    expect(reopened.today().records).toEqual(records);
  });

  it('appends at the end without rewriting what is there', () => {
    const log = openLog({ durable: false });
    log.append(records[0] as HistoryRecord);
    log.append(records[1] as HistoryRecord);
    const before = readFileSync(path);
    const inode = statSync(path).ino;

    log.append(records[2] as HistoryRecord);

    const after = readFileSync(path);
    expect(statSync(path).ino).toBe(inode);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString()).toBe(encodeLine(records[2] as HistoryRecord));
    expect(log.sizeBytes).toBe(after.length);
  });

  it('refuses a record that does not fit the schema and writes nothing', () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    const size = statSync(path).size;
    const bad = { ...full, notes: 'x'.repeat(10_001) };
    expect(() => log.append(bad)).toThrow();
    expect(() => log.append({ ...full, outcome: 'lost' } as unknown as HistoryRecord)).toThrow();
    expect(statSync(path).size).toBe(size);
    expect(log.today().records).toHaveLength(1);
  });

  it('cuts a torn last line, keeps it aside, and appends cleanly after it', async () => {
    const first = openLog();
    first.append(records[0] as HistoryRecord);
    first.append(records[1] as HistoryRecord);
    first.close();
    const goodSize = statSync(path).size;
    const half = encodeLine(records[2] as HistoryRecord).slice(0, 40);
    appendFileSync(path, half); // the crash: half a line, no newline

    const warnings: string[] = [];
    const log = openLog({ logger: { warn: (message) => warnings.push(message) } });

    expect(log.recovered).toMatchObject({ tornBytes: 40, skippedLines: 0 });
    expect(readFileSync(log.recovered.tornFile as string, 'utf8')).toBe(half);
    expect(statSync(path).size).toBe(goodSize);
    expect(warnings).toEqual(['history: repaired damaged file']);
    const next = contactAt(NOW, 'c-3');
    log.append(next);
    log.close();

    const reopened = openLog();
    expect(reopened.recovered).toEqual({ tornBytes: 0, skippedLines: 0 });
    expect(await collect(reopened)).toEqual([records[0], records[1], next]);
  });

  it('cuts a last record that lacks only its newline: the write did not finish', () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    log.close();
    const line = encodeLine(records[1] as HistoryRecord);
    appendFileSync(path, line.slice(0, -1));

    const reopened = openLog();
    expect(reopened.recovered).toMatchObject({ tornBytes: Buffer.byteLength(line) - 1 });
    expect(reopened.today().records).toEqual([records[0]]);
  });

  it('treats a complete line that is not JSON at the end as torn', () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    log.close();
    appendFileSync(path, '{"v":1,"type":"sta\n');

    expect(openLog().recovered).toMatchObject({ tornBytes: 19, skippedLines: 0 });
  });

  it('cuts the zeros a power cut can leave at the end', () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    log.close();
    appendFileSync(path, Buffer.alloc(4096));

    const reopened = openLog();
    expect(reopened.recovered).toMatchObject({ tornBytes: 4096, skippedLines: 0 });
    expect(reopened.today().records).toEqual([records[0]]);
  });

  it('skips and counts damaged lines in the middle, leaving the file as it was', async () => {
    const [a, b, c] = records as [HistoryRecord, HistoryRecord, HistoryRecord];
    const content =
      encodeLine(a) +
      '}{ not json\n' +
      encodeLine(b) +
      '{"v":1,"type":"contact"}\n' +
      `${'x'.repeat(MAX_LINE_BYTES + 10)}\n` +
      encodeLine(c);
    mkdirSync(join(dir, 'history'));
    writeFileSync(path, content);

    const log = openLog();

    expect(log.recovered).toEqual({ tornBytes: 0, skippedLines: 3 });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(await collect(log)).toEqual([a, b, c]);
    expect(log.today().records).toEqual([a, b, c]);
  });

  it('keeps a complete line written by a newer version, even at the end', async () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    log.close();
    const newer = `${JSON.stringify({ v: 2, type: 'status', at: NOW, statusId: 'x', label: 'X' })}\n`;
    appendFileSync(path, newer);

    const reopened = openLog();
    expect(reopened.recovered).toEqual({ tornBytes: 0, skippedLines: 1 });
    reopened.append(records[1] as HistoryRecord);
    expect(readFileSync(path, 'utf8')).toContain(newer);
    expect(await collect(reopened)).toEqual([records[0], records[1]]);
  });

  it("indexes only today's records, plus the status carried over midnight", () => {
    const yesterdayStatus = statusAt(MIDNIGHT - HOUR, 'break', 'Break');
    const yesterdayContact = contactAt(MIDNIGHT - 30 * 60_000, 'old');
    const first = openLog();
    first.append(statusAt(MIDNIGHT - 5 * HOUR));
    first.append(yesterdayStatus);
    first.append(yesterdayContact);
    first.append(records[1] as HistoryRecord);
    first.close();

    const log = openLog();
    expect(log.today()).toEqual({
      dayStart: MIDNIGHT,
      dayEnd: MIDNIGHT + 24 * HOUR,
      records: [records[1]],
      statusAtDayStart: yesterdayStatus,
    });
  });

  it("updates today's records on append without reading the file again", () => {
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    writeFileSync(path, 'overwritten behind its back\n');

    log.append(records[1] as HistoryRecord);

    expect(log.today().records).toEqual([records[0], records[1]]);
  });

  it('moves to the next day at midnight and back when the clock is set back', () => {
    clock = MIDNIGHT + 23 * HOUR;
    const log = openLog();
    const lateStatus = statusAt(clock, 'lunch', 'Lunch');
    const lateContact = contactAt(clock + 60_000, 'late');
    log.append(lateStatus);
    log.append(lateContact);

    clock = MIDNIGHT + 24 * HOUR + 30 * 60_000;
    const early = contactAt(clock, 'early');
    log.append(early);
    expect(log.today()).toMatchObject({ records: [early], statusAtDayStart: lateStatus });

    clock = MIDNIGHT + 23.5 * HOUR;
    expect(log.today()).toMatchObject({
      dayStart: MIDNIGHT,
      records: [lateStatus, lateContact],
      statusAtDayStart: undefined,
    });
  });

  it("uses the agent's UTC offset for today, at open and when rebuilding after the clock went back", () => {
    // UTC+10: 10:00 UTC is 20:00 local; 15:00 UTC the day before is 01:00 local today.
    const localMidnight = MIDNIGHT - 10 * HOUR;
    const earlyLocal = contactAt(MIDNIGHT - 9 * HOUR, 'early-local');
    const first = openLog({ utcOffsetMinutes: 600 });
    first.append(earlyLocal);
    first.close();

    const log = openLog({ utcOffsetMinutes: 600 });
    expect(log.today()).toMatchObject({ dayStart: localMidnight, records: [earlyLocal] });
    // The next local day, then back: the rebuilt index uses the same offset.
    expect(log.today(localMidnight + 25 * HOUR)).toMatchObject({ records: [] });
    expect(log.today(NOW)).toMatchObject({ dayStart: localMidnight, records: [earlyLocal] });
  });

  it('refuses to append once closed', () => {
    const log = openLog();
    log.close();
    expect(() => log.append(records[0] as HistoryRecord)).toThrow('closed');
  });

  it('leaves no file open once closed, a new file included (its folder is synced and closed)', () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    const log = openLog();
    log.append(records[0] as HistoryRecord);
    log.close();
    log.close();
    expect(openFiles()).toBe(before);
  });

  it('creates its folder, and nothing aside while the file is healthy', () => {
    openLog().append(records[0] as HistoryRecord);
    openLog().append(records[1] as HistoryRecord);
    expect(readdirSync(join(dir, 'history'))).toEqual(['history.jsonl']);
  });
});
