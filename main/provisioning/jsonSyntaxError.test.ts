import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './jsonSyntaxError';

const EXAMPLE_TEXT = readFileSync(
  new URL('./fixtures/example-profile.json', import.meta.url),
  'utf8',
);

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": }', 1, 7, 'where a value is expected'],
    ['{"a": 1,}', 1, 9, "a comma before '}' must be followed by a property"],
    ['[1, 2,]', 1, 7, "a comma before ']' must be followed by a value"],
    ['{"a": 1', 1, 8, "the document ends before the closing '}'"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ["{'a': 1}", 1, 2, 'property names must use double quotes'],
    ['{"a": \'x\'}', 1, 7, 'text values must use double quotes'],
    ['{\n  // note\n  "a": 1\n}', 2, 3, 'comments are not allowed in JSON'],
    ['{"a": "x\ny"}', 1, 9, 'a line break or control character inside a text value'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape'],
    ['{"a": "\\u12"}', 1, 8, 'a \\u escape needs four hex digits'],
    ['{"a": "open', 1, 7, 'a text value is not closed by a double quote'],
    ['{"a": 01}', 1, 8, "expected ',' or '}' after a property value"],
    ['{"a": tru}', 1, 7, "unexpected 't' where a value is expected"],
    ['{} {}', 1, 4, 'unexpected text after the end of the document'],
    ['[1 2]', 1, 4, "expected ',' or ']' after a list item"],
    ['{"a":\u00a01}', 1, 6, 'character U+00a0'],
  ])('%j fails at line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column });
    expect(error?.message).toContain(message);
  });

  it('counts lines in a CRLF document', () => {
    expect(findJsonSyntaxError('{\r\n"a": 1\r\n"b": 2}')).toMatchObject({ line: 3, column: 1 });
  });

  it('finds nothing wrong in valid documents', () => {
    for (const text of [
      EXAMPLE_TEXT,
      '0',
      '-1.5e+3',
      '"x\\u00e9\\n"',
      '[]',
      '{}',
      ' [ {} , [ ] ] ',
      'null',
    ]) {
      expect(findJsonSyntaxError(text)).toBeUndefined();
    }
  });

  it('survives nesting far deeper than the call stack', () => {
    const text = '['.repeat(200_000);
    expect(findJsonSyntaxError(text)).toMatchObject({ offset: 200_000 });
  });

  // Its own timeout: under mutation testing's instrumentation it takes several seconds.
  it('agrees with JSON.parse on thousands of damaged profiles', { timeout: 60_000 }, () => {
    // A fixed-seed generator: the same damage on every run, so a failure can be reproduced.
    let seed = 42;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      return (seed >>> 8) % below;
    };
    const noise = [
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"',
      '\\',
      '1',
      '-',
      'e',
      '.',
      ' ',
      'n',
      '\n',
      '/',
    ];
    for (let round = 0; round < 3000; round++) {
      let text = EXAMPLE_TEXT;
      for (let edits = 1 + random(2); edits > 0; edits--) {
        const at = random(text.length);
        const edit = random(3);
        if (edit === 0) text = text.slice(0, at) + text.slice(at + 1);
        else text = text.slice(0, at) + noise[random(noise.length)] + text.slice(at + (edit - 1));
      }
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect({ text, found: findJsonSyntaxError(text) === undefined }).toEqual({
        text,
        found: valid,
      });
    }
  });
});
