import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactAt, statusAt } from './historyRecords.testkit';
import { lastGoodLineEnd } from './lastGoodLineEnd';
import { encodeLine, MAX_LINE_BYTES } from './lineCodec';
import { recoverLog } from './recoverLog';

const NOW = Date.UTC(2025, 5, 11, 10, 0);

describe('lastGoodLineEnd', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-good-end-'));
    path = join(dir, 'contacts.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (text: string | Buffer) => {
    writeFileSync(path, text);
    return statSync(path).size;
  };
  const good = encodeLine(statusAt(NOW)) + encodeLine(contactAt(NOW + 1, 'c-1'));

  it('is the whole file for a healthy one, and 0 for an empty one', () => {
    expect(lastGoodLineEnd(path, write(good))).toBe(Buffer.byteLength(good));
    expect(lastGoodLineEnd(path, write(''))).toBe(0);
  });

  it('stops before a half-written last line', () => {
    expect(lastGoodLineEnd(path, write(`${good}{"v":1,"type":"sta`))).toBe(Buffer.byteLength(good));
  });

  it('stops before complete lines of garbage at the end (zeros after a power cut)', () => {
    const size = write(`${good}\u0000\u0000\u0000\n\u0000\u0000\n{"v":1,"ty`);
    expect(lastGoodLineEnd(path, size)).toBe(Buffer.byteLength(good));
  });

  it('keeps a last line that is JSON but no record it knows (a newer version wrote it)', () => {
    const newer = `${good}{"v":2,"type":"shift"}\n`;
    expect(lastGoodLineEnd(path, write(newer))).toBe(Buffer.byteLength(newer));
  });

  it('reads further back for an intact last line longer than its first window', () => {
    const long = `${good}${JSON.stringify({ v: 1, note: 'x'.repeat(200_000) })}\n`;
    expect(lastGoodLineEnd(path, write(long))).toBe(Buffer.byteLength(long));
  });

  it('reads further back past garbage longer than its first window', () => {
    const size = write(`${good}${'#'.repeat(100_000)}\n${'#'.repeat(100_000)}\n`);
    expect(lastGoodLineEnd(path, size)).toBe(Buffer.byteLength(good));
  });

  it('is 0 for a file of nothing but garbage', () => {
    expect(lastGoodLineEnd(path, write('garbage\nmore garbage\n'))).toBe(0);
  });

  it('gives up past 8 MB of garbage, and the repair then reads forwards to the same end', () => {
    const garbage = Buffer.alloc(9 * 1024 * 1024, 0);
    const size = write(Buffer.concat([Buffer.from(good), garbage]));
    expect(lastGoodLineEnd(path, size)).toBeUndefined();
    const seen: unknown[] = [];
    const repaired = recoverLog(path, (record) => seen.push(record), NOW);
    expect(repaired.size).toBe(Buffer.byteLength(good));
    expect(repaired.recovered.tornBytes).toBe(garbage.length);
    expect(seen).toHaveLength(2);
  });

  it('is 0 for a blank first line followed by garbage', () => {
    expect(lastGoodLineEnd(path, write('\ngarbage\n'))).toBe(0);
  });

  it('does not take the end of a long garbage line for an intact one (JSON at its end)', () => {
    // The first window starts exactly at the JSON: the line's start lies before it.
    const json = JSON.stringify({ v: 1, pad: 'x'.repeat(65_535 - 16) });
    expect(json.length).toBe(65_535);
    const size = write(`${good}garbage${json}\n`);
    expect(lastGoodLineEnd(path, size)).toBe(Buffer.byteLength(good));
  });

  it('keeps a last line of exactly the longest length a line may have, not one byte more', () => {
    const line = (length: number) => `{"n":"${'x'.repeat(length - 8)}"}`;
    expect(line(MAX_LINE_BYTES).length).toBe(MAX_LINE_BYTES);
    const longest = `${good}${line(MAX_LINE_BYTES)}\n`;
    expect(lastGoodLineEnd(path, write(longest))).toBe(Buffer.byteLength(longest));
    const tooLong = `${good}${line(MAX_LINE_BYTES + 1)}\n`;
    expect(lastGoodLineEnd(path, write(tooLong))).toBe(Buffer.byteLength(good));
  });

  it('finds an intact line far into a grown window (300 KB of records, then 100 KB of garbage)', () => {
    const records = Array.from({ length: 1500 }, (_, i) =>
      encodeLine(contactAt(NOW + i, `c-${i}`)),
    );
    const intact = records.join('');
    expect(Buffer.byteLength(intact)).toBeGreaterThan(MAX_LINE_BYTES);
    const size = write(`${intact}${'#'.repeat(100_000)}\n`);
    expect(lastGoodLineEnd(path, size)).toBe(Buffer.byteLength(intact));
  });

  it('repairs by reading forwards past 8 MB of garbage lines, and never keeps an unfinished last line', () => {
    const garbageLine = `${'#'.repeat(240_000)}\n`;
    const size = write(`${good}${garbageLine.repeat(40)}{"v":1,"type":"status"}`);
    expect(lastGoodLineEnd(path, size)).toBeUndefined();
    const repaired = recoverLog(path, () => undefined, NOW);
    expect(repaired.size).toBe(Buffer.byteLength(good));
  });
});
