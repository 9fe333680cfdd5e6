import { describe, expect, it } from 'vitest';
import { LineSplitter, type RawLine } from './LineSplitter';

function split(input: Buffer, chunkBytes: number, max = 1024): RawLine[] {
  const splitter = new LineSplitter(max);
  const lines: RawLine[] = [];
  for (let i = 0; i < input.length; i += chunkBytes) {
    lines.push(...splitter.push(input.subarray(i, i + chunkBytes)));
  }
  const rest = splitter.finish();
  return rest ? [...lines, rest] : lines;
}

describe('LineSplitter', () => {
  const input = Buffer.from('a€b\n\nlast', 'utf8'); // '€' is 3 bytes

  it.each([1, 2, 3, 64])('gives the same lines and byte offsets in chunks of %i', (size) => {
    expect(split(input, size)).toEqual([
      { start: 0, end: 6, terminated: true, text: 'a€b' },
      { start: 6, end: 7, terminated: true, text: '' },
      { start: 7, end: 11, terminated: false, text: 'last' },
    ]);
  });

  it('has no rest when the input ends with a newline', () => {
    expect(split(Buffer.from('x\n'), 1)).toEqual([
      { start: 0, end: 2, terminated: true, text: 'x' },
    ]);
  });

  it('drops the text of an over-long line without losing track of the next one', () => {
    const lines = split(Buffer.from(`${'y'.repeat(20)}\nok\n`), 4, 10);
    expect(lines).toEqual([
      { start: 0, end: 21, terminated: true, text: undefined },
      { start: 21, end: 24, terminated: true, text: 'ok' },
    ]);
  });
});
