/**
 * Where a JSON document breaks, and why, in words an IT admin editing it by hand understands.
 * JSON.parse decides whether a document is valid; this scanner runs only after it failed,
 * because Node 20's messages often give no position at all ("Unexpected token '}', ... is not
 * valid JSON"). It walks the text once with an explicit stack, so deep nesting cannot overflow
 * the call stack.
 */
export interface JsonSyntaxError {
  /** Offset of the offending character (UTF-16 code units), text.length at the end. */
  offset: number;
  line: number;
  column: number;
  message: string;
}

type Mode =
  /** A value must come next. */
  | 'value'
  /** Just after '[': a value or ']'. */
  | 'firstItem'
  /** Just after '{': a property name or '}'. */
  | 'firstKey'
  /** After ',' in an object: a property name. */
  | 'key'
  /** A value ended: ',' or the closing bracket (or the end of the document). */
  | 'afterValue';

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'object' | 'array'> = [];
  let mode: Mode = 'value';
  let i = 0;
  const fail = (offset: number, message: string) => at(text, offset, message);

  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
    const c = text.charAt(i);
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail(i, 'comments are not allowed in JSON');
    }
    const top = stack.at(-1);

    if (mode === 'afterValue') {
      if (top === undefined) {
        return c === '' ? undefined : fail(i, 'unexpected text after the end of the document');
      }
      const close = top === 'object' ? '}' : ']';
      if (c === ',') {
        i++;
        mode = top === 'object' ? 'key' : 'value';
      } else if (c === close) {
        stack.pop();
        i++;
      } else if (c === '') {
        return fail(i, `the document ends before the closing '${close}'`);
      } else {
        return fail(
          i,
          top === 'object'
            ? "expected ',' or '}' after a property value"
            : "expected ',' or ']' after a list item",
        );
      }
      continue;
    }

    if (mode === 'firstKey' || mode === 'key') {
      if (c === '}') {
        if (mode === 'key') return fail(i, "a comma before '}' must be followed by a property");
        stack.pop();
        i++;
        mode = 'afterValue';
        continue;
      }
      if (c === '') return fail(i, "the document ends before the closing '}'");
      if (c === "'") return fail(i, 'property names must use double quotes');
      if (c !== '"') return fail(i, 'expected a property name in double quotes');
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
      if (text.charAt(i) !== ':') return fail(i, "expected ':' after the property name");
      i++;
      mode = 'value';
      continue;
    }

    // mode is 'value' or 'firstItem'.
    if (c === ']' && mode === 'firstItem') {
      stack.pop();
      i++;
      mode = 'afterValue';
      continue;
    }
    if (c === '') return fail(i, 'the document ends where a value is expected');
    if (c === ']' && top === 'array') {
      return fail(i, "a comma before ']' must be followed by a value");
    }
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i++;
      mode = c === '{' ? 'firstKey' : 'firstItem';
      continue;
    }
    if (c === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      mode = 'afterValue';
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i));
    if (literal) {
      i += literal.length;
      mode = 'afterValue';
      continue;
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      mode = 'afterValue';
      continue;
    }
    if (c === "'") return fail(i, 'text values must use double quotes');
    return fail(i, `unexpected ${describeChar(c)} where a value is expected`);
  }
}

/** Index just past the string starting at `start` (a '"'), or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') return i + 1;
    if (c === '\\') {
      const next = text.charAt(i + 1);
      if (next === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return at(text, i, 'a \\u escape needs four hex digits');
        }
        i += 5;
      } else if (ESCAPES.has(next)) {
        i++;
      } else {
        return at(text, i, 'invalid escape in a text value (write a backslash as \\\\)');
      }
    } else if (c < ' ') {
      return at(text, i, 'a line break or control character inside a text value (write \\n)');
    }
  }
  return at(text, start, 'a text value is not closed by a double quote');
}

function describeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  return code > 0x20 && code < 0x7f
    ? `'${c}'`
    : `character U+${code.toString(16).padStart(4, '0')}`;
}

function at(text: string, offset: number, message: string): JsonSyntaxError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1, message };
}
