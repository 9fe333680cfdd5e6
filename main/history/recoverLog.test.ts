/**
 * recoverLog on its own: what it hands on, what it counts, and the side file a torn end is
 * saved to (name, content, never overwriting an earlier one).
 */
import {
  appendFileSync,
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
import { contactAt, statusAt } from './historyRecords.testkit';
import { encodeLine } from './lineCodec';
import { recoverLog, scanRecordsSync } from './recoverLog';

const NOW = Date.UTC(2025, 5, 11, 10, 0);
const a = statusAt(NOW - 60_000);
const b = contactAt(NOW - 30_000, 'c-1');

describe('recoverLog', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-recover-'));
    path = join(dir, 'history.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const recover = (now = NOW) => {
    const seen: HistoryRecord[] = [];
    const result = recoverLog(path, (record) => seen.push(record), now);
    return { ...result, seen };
  };

  it('finds nothing to read or repair where there is no file, and creates none', () => {
    expect(recover()).toEqual({ size: 0, recovered: { tornBytes: 0, skippedLines: 0 }, seen: [] });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('hands on every record of a healthy file in order, its size unchanged', () => {
    writeFileSync(path, encodeLine(a) + encodeLine(b));
    const size = statSync(path).size;
    expect(recover()).toEqual({ size, recovered: { tornBytes: 0, skippedLines: 0 }, seen: [a, b] });
    expect(readdirSync(dir)).toEqual(['history.jsonl']);
  });

  it('counts garbage between good lines as skipped, and garbage after the last one as torn', () => {
    const tail = 'garbage\nmore garbage\n';
    writeFileSync(path, `${encodeLine(a)}junk\n${encodeLine(b)}${tail}`);
    const goodSize = statSync(path).size - tail.length;
    const result = recover();
    expect(result).toMatchObject({
      size: goodSize,
      recovered: { tornBytes: tail.length, skippedLines: 1 },
      seen: [a, b],
    });
    expect(readFileSync(result.recovered.tornFile as string, 'utf8')).toBe(tail);
    expect(statSync(path).size).toBe(goodSize);
  });

  it('saves a torn end larger than one read buffer (1 MiB) whole', () => {
    const tail = Buffer.alloc(1024 * 1024 + 4096, 0x61);
    writeFileSync(path, encodeLine(a));
    appendFileSync(path, tail);
    const result = recover();
    expect(result.recovered.tornBytes).toBe(tail.length);
    expect(readFileSync(result.recovered.tornFile as string).equals(tail)).toBe(true);
  });

  it('names the side file after the time, and never overwrites one from the same millisecond', () => {
    const tornFiles: string[] = [];
    for (const fragment of ['one', 'two', 'three']) {
      writeFileSync(path, encodeLine(a) + fragment);
      tornFiles.push(recover().recovered.tornFile as string);
    }
    expect(tornFiles).toEqual([
      `${path}.torn-${NOW}`,
      `${path}.torn-${NOW}-1`,
      `${path}.torn-${NOW}-2`,
    ]);
    expect(tornFiles.map((file) => readFileSync(file, 'utf8'))).toEqual(['one', 'two', 'three']);
  });

  it('scanRecordsSync reads only up to the size given and only whole records', () => {
    writeFileSync(path, `${encodeLine(a)}junk\n${encodeLine(b)}`);
    const seen: HistoryRecord[] = [];
    scanRecordsSync(path, Buffer.byteLength(encodeLine(a)), (record) => seen.push(record));
    expect(seen).toEqual([a]);
    seen.length = 0;
    scanRecordsSync(path, statSync(path).size, (record) => seen.push(record));
    expect(seen).toEqual([a, b]);
  });

  it('fails, cutting nothing, when the side file cannot be created (here: a name too long)', () => {
    // 255 bytes is the longest file name; the side file adds ".torn-<ms>" to it.
    const longPath = join(dir, `${'h'.repeat(240)}.jsonl`);
    const content = encodeLine(a) + 'torn';
    writeFileSync(longPath, content);
    expect(() => recoverLog(longPath, () => undefined, NOW)).toThrow(
      expect.objectContaining({ code: 'ENAMETOOLONG' }),
    );
    expect(readFileSync(longPath, 'utf8')).toBe(content);
  });
});
