/**
 * The chunked line readers (sync for recovery, async for export): they read the first `size`
 * bytes, give an unterminated last line as such, stop early on a file shorter than `size`, and
 * close the file whatever happens.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawLine } from './LineSplitter';
import { readLines, readLinesSync } from './readLines';

/** This process's open file descriptors (Linux). */
const openFiles = () => readdirSync('/proc/self/fd').length;

async function collect(lines: AsyncIterable<RawLine>): Promise<RawLine[]> {
  const out: RawLine[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe.each([
  [
    'readLinesSync',
    (path: string, size: number) => Promise.resolve([...readLinesSync(path, size)]),
  ],
  ['readLines', (path: string, size: number) => collect(readLines(path, size))],
] as const)('%s', (_name, read) => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-readlines-'));
    path = join(dir, 'log.jsonl');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives an unterminated last line, marked as such', async () => {
    writeFileSync(path, 'one\ntwo');
    expect(await read(path, 7)).toEqual([
      { start: 0, end: 4, terminated: true, text: 'one' },
      { start: 4, end: 7, terminated: false, text: 'two' },
    ]);
  });

  it('reads only the first `size` bytes', async () => {
    writeFileSync(path, 'one\ntwo\nthree\n');
    expect((await read(path, 8)).map((line) => line.text)).toEqual(['one', 'two']);
  });

  it('stops at the end of a file shorter than `size` (truncated meanwhile)', async () => {
    writeFileSync(path, 'one\n');
    expect((await read(path, 100)).map((line) => line.text)).toEqual(['one']);
  });

  it('closes the file once read', async () => {
    writeFileSync(path, 'one\ntwo\n');
    const before = openFiles();
    await read(path, 8);
    expect(openFiles()).toBe(before);
  });
});
