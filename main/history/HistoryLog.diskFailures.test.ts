/**
 * HistoryLog when the disk fails under it: a full disk mid-line, a cut that fails too, and
 * whether each line and a new file's folder are synced. A full or failing disk cannot be made
 * on demand here, so the file system is real and only the failures are injected: node:fs
 * passes every call through unless a test arms a failure, and counts the fsyncs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryLog, type HistoryLogOptions } from './HistoryLog';
import { encodeLine } from './lineCodec';
import { contactAt, statusAt } from './historyRecords.testkit';

const disk = vi.hoisted(() => ({
  /** Appends that write only part of their bytes and then fail with ENOSPC. */
  fullAfterBytes: undefined as number | undefined,
  /** ftruncate calls still to fail (EIO). */
  failingTruncates: 0,
  fsyncs: 0,
}));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  return {
    ...fs,
    // The buffer form writeAll uses: (fd, bytes, offset, length).
    writeSync: ((fd: number, buffer: Buffer, offset: number, length: number) => {
      if (disk.fullAfterBytes === undefined) return fs.writeSync(fd, buffer, offset, length);
      const part = Math.min(disk.fullAfterBytes, length);
      disk.fullAfterBytes = undefined;
      fs.writeSync(fd, buffer, offset, part);
      throw fail('ENOSPC');
    }) as typeof fs.writeSync,
    ftruncateSync: ((fd: number, length?: number) => {
      if (disk.failingTruncates > 0) {
        disk.failingTruncates -= 1;
        throw fail('EIO');
      }
      fs.ftruncateSync(fd, length);
    }) as typeof fs.ftruncateSync,
    fsyncSync: ((fd: number) => {
      disk.fsyncs += 1;
      fs.fsyncSync(fd);
    }) as typeof fs.fsyncSync,
  };
});

const NOW = Date.UTC(2025, 5, 11, 10, 0);
const first = statusAt(NOW - 60_000);
const second = contactAt(NOW - 30_000, 'c-1');
const third = contactAt(NOW, 'c-2');

describe('HistoryLog on a failing disk', () => {
  let dir: string;
  let path: string;
  const opened: HistoryLog[] = [];
  const openLog = (options: HistoryLogOptions = {}) => {
    const log = HistoryLog.open(path, { utcOffsetMinutes: 0, now: () => NOW, ...options });
    opened.push(log);
    return log;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-history-disk-'));
    path = join(dir, 'history', 'history.jsonl');
    Object.assign(disk, { fullAfterBytes: undefined, failingTruncates: 0, fsyncs: 0 });
  });
  afterEach(() => {
    for (const log of opened.splice(0)) log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a disk full mid-line throws, cuts the part written, records nothing; the retry appends one clean line', () => {
    const log = openLog({ durable: false });
    log.append(first);
    const before = readFileSync(path, 'utf8');
    disk.fullAfterBytes = 20;
    expect(() => log.append(second)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(log.sizeBytes).toBe(Buffer.byteLength(before));
    expect(log.today().records).toEqual([first]);

    expect(log.append(second)).toEqual(second);
    expect(readFileSync(path, 'utf8')).toBe(before + encodeLine(second));
    expect(log.today().records).toEqual([first, second]);
  });

  it('when cutting the part written fails too, the next append cuts it before writing', () => {
    const log = openLog({ durable: false });
    log.append(first);
    const before = readFileSync(path, 'utf8');
    disk.fullAfterBytes = 20;
    disk.failingTruncates = 1;
    expect(() => log.append(second)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    // The fragment is still there: the cut failed.
    expect(readFileSync(path, 'utf8')).toBe(before + encodeLine(second).slice(0, 20));

    log.append(third);
    expect(readFileSync(path, 'utf8')).toBe(before + encodeLine(third));
    log.close();
    expect(openLog().recovered).toEqual({ tornBytes: 0, skippedLines: 0 });
  });

  it('an append whose first cut of an earlier fragment fails throws and writes nothing', () => {
    const log = openLog({ durable: false });
    log.append(first);
    const before = readFileSync(path, 'utf8');
    disk.fullAfterBytes = 20;
    disk.failingTruncates = 2;
    expect(() => log.append(second)).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(() => log.append(third)).toThrow(expect.objectContaining({ code: 'EIO' }));
    expect(readFileSync(path, 'utf8')).toBe(before + encodeLine(second).slice(0, 20));
    log.append(third);
    expect(readFileSync(path, 'utf8')).toBe(before + encodeLine(third));
  });

  it('durable (the default) syncs every appended line, and a new file’s folder once', () => {
    const log = openLog();
    const afterOpen = disk.fsyncs;
    // The folder of the file just created.
    expect(afterOpen).toBe(1);
    log.append(first);
    log.append(second);
    expect(disk.fsyncs - afterOpen).toBe(2);
    log.close();
    disk.fsyncs = 0;
    // An existing file's folder already holds its name: nothing to sync at open.
    openLog();
    expect(disk.fsyncs).toBe(0);
  });

  it('durable: false syncs neither the lines nor the folder', () => {
    const log = openLog({ durable: false });
    log.append(first);
    log.append(second);
    expect(disk.fsyncs).toBe(0);
  });
});

describe('HistoryLog: the repaired warning', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-history-warn-'));
    path = join(dir, 'history.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const openWarning = () => {
    const warnings: { message: string; data: unknown }[] = [];
    const log = HistoryLog.open(path, {
      durable: false,
      utcOffsetMinutes: 0,
      now: () => NOW,
      logger: { warn: (message, data) => warnings.push({ message, data }) },
    });
    log.close();
    return warnings;
  };

  it('is not given for a new or a healthy file', () => {
    expect(openWarning()).toEqual([]);
    writeFileSync(path, encodeLine(first) + encodeLine(second));
    expect(openWarning()).toEqual([]);
  });

  it('is given for damage in the middle alone, with the counts', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${encodeLine(first)}}{ not json\n${encodeLine(second)}`);
    expect(openWarning()).toEqual([
      { message: 'history: repaired damaged file', data: { tornBytes: 0, skippedLines: 1 } },
    ]);
  });

  it('is given for a torn end alone, naming the side file', () => {
    writeFileSync(path, encodeLine(first) + encodeLine(second).slice(0, 10));
    const [warning] = openWarning();
    expect(warning).toEqual({
      message: 'history: repaired damaged file',
      data: { tornBytes: 10, skippedLines: 0, tornFile: expect.stringContaining('.torn-') },
    });
  });
});
