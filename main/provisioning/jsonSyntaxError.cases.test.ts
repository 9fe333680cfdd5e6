/** findJsonSyntaxError: more of the breaks an IT admin makes by hand, each named where it is. */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './jsonSyntaxError';

describe('findJsonSyntaxError, more breaks', () => {
  it.each([
    ['{ /* note */ "a": 1}', 1, 3, 'comments are not allowed in JSON'],
    ['[/x]', 1, 2, "unexpected '/' where a value is expected"],
    ['{"a": 1,', 1, 9, "the document ends before the closing '}'"],
    ['{', 1, 2, "the document ends before the closing '}'"],
    ['{1: 2}', 1, 2, 'expected a property name in double quotes'],
    ['{"a\\q": 1}', 1, 4, 'invalid escape in a text value (write a backslash as \\\\)'],
    ['{"a"  ', 1, 7, "expected ':' after the property name"],
    ['{"a":', 1, 6, 'the document ends where a value is expected'],
    ['{"a": ]}', 1, 7, "unexpected ']' where a value is expected"],
    ['[\u0001]', 1, 2, 'unexpected character U+0001 where a value is expected'],
    ['[\u007f]', 1, 2, 'unexpected character U+007f where a value is expected'],
    ['[~]', 1, 2, "unexpected '~' where a value is expected"],
  ])('%j fails at line %i, column %i saying exactly why', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it('finds nothing wrong in numbers with several decimals or exponent digits, signed or not', () => {
    for (const text of ['1.25', '[0.125, 1e5, 2E10, 3e-12, 4.5E+6]']) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text), text).toBeUndefined();
    }
  });

  it('finds nothing wrong in a text value using every JSON escape', () => {
    const text = '["\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9"]';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });
});
