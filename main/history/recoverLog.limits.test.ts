/**
 * recoverLog with lines over the reader's limit (256 KiB, MAX_LINE_BYTES): such a line is
 * never a record, and is cut as torn when nothing good follows it; and recovery leaves no file
 * open behind it, whether it repaired something or not.
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
import { contactAt, statusAt } from './historyRecords.testkit';
import { encodeLine, MAX_LINE_BYTES } from './lineCodec';
import { recoverLog } from './recoverLog';

const NOW = Date.UTC(2025, 5, 11, 10, 0);
const good = encodeLine(statusAt(NOW - 60_000));
const later = encodeLine(contactAt(NOW - 30_000, 'c-1'));
const overLong = `${'x'.repeat(MAX_LINE_BYTES + 1)}\n`;
const openFiles = () => readdirSync('/proc/self/fd').length;

describe('recoverLog, over-long lines', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-recover-limits-'));
    path = join(dir, 'history.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('cuts an over-long last line as torn and keeps what came before', () => {
    writeFileSync(path, good);
    appendFileSync(path, overLong);
    const seen: unknown[] = [];
    const { size, recovered } = recoverLog(path, (record) => seen.push(record), NOW);
    expect(seen).toHaveLength(1);
    expect(size).toBe(Buffer.byteLength(good));
    expect(recovered).toMatchObject({ tornBytes: overLong.length, skippedLines: 0 });
    expect(statSync(path).size).toBe(Buffer.byteLength(good));
    expect(readFileSync(recovered.tornFile!, 'utf8')).toBe(overLong);
  });

  it('skips an over-long line between good ones, counting it, and cuts nothing', () => {
    writeFileSync(path, good + overLong + later);
    const seen: unknown[] = [];
    const { recovered } = recoverLog(path, (record) => seen.push(record), NOW);
    expect(seen).toHaveLength(2);
    expect(recovered).toEqual({ tornBytes: 0, skippedLines: 1 });
  });

  it('leaves no file open after repairing a torn end, nor after reading a healthy file', () => {
    writeFileSync(path, `${good}{"torn`);
    const before = openFiles();
    recoverLog(path, () => undefined, NOW);
    recoverLog(path, () => undefined, NOW + 1);
    expect(openFiles()).toBe(before);
  });
});
