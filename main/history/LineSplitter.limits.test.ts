/**
 * LineSplitter's line-length limit, within one chunk and across chunks: a line of exactly the
 * limit keeps its text, one byte more loses it (never buffered), and the limit counts the
 * line's own bytes only, wherever in its chunk the line starts.
 */
import { describe, expect, it } from 'vitest';
import { LineSplitter, type RawLine } from './LineSplitter';

/** Feeds the chunks in order and returns every line, the unterminated rest last. */
function lines(max: number, ...chunks: string[]): RawLine[] {
  const splitter = new LineSplitter(max);
  const out = chunks.flatMap((chunk) => splitter.push(Buffer.from(chunk)));
  const rest = splitter.finish();
  return rest ? [...out, rest] : out;
}

const texts = (result: RawLine[]) => result.map((line) => line.text);

describe('LineSplitter, the length limit', () => {
  it('keeps a line of exactly the limit inside one chunk, and drops one byte more', () => {
    expect(texts(lines(5, 'abcde\nabcdef\nok\n'))).toEqual(['abcde', undefined, 'ok']);
  });

  it('keeps a line of exactly the limit that spans two chunks, and drops one byte more', () => {
    expect(texts(lines(5, 'abc', 'de\n'))).toEqual(['abcde']);
    expect(texts(lines(5, 'abc', 'def\n'))).toEqual([undefined]);
  });

  it('counts only the bytes of a line that starts in the middle of its first chunk', () => {
    // "bbbb" starts at byte 8 of the first chunk: 4 bytes, under the limit of 10.
    expect(lines(10, 'aaaaaaa\nbbb', 'b\n')).toEqual([
      { start: 0, end: 8, terminated: true, text: 'aaaaaaa' },
      { start: 8, end: 13, terminated: true, text: 'bbbb' },
    ]);
  });

  it('drops an over-long line whose newline arrives in a later chunk, and reads the next', () => {
    expect(lines(4, 'xxxx', 'xxxx', '\nok\n')).toEqual([
      { start: 0, end: 9, terminated: true, text: undefined },
      { start: 9, end: 12, terminated: true, text: 'ok' },
    ]);
  });

  it('joins a line cut into three chunks whole', () => {
    expect(lines(64, 'ab', 'cd', 'ef\n')).toEqual([
      { start: 0, end: 7, terminated: true, text: 'abcdef' },
    ]);
  });

  it('drops an over-long unterminated rest but still reports where it ends', () => {
    expect(lines(3, 'ok\n', 'toolong')).toEqual([
      { start: 0, end: 3, terminated: true, text: 'ok' },
      { start: 3, end: 10, terminated: false, text: undefined },
    ]);
  });
});
