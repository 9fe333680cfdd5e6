/**
 * How one record becomes one line of the history file and back. A line is the record's JSON
 * stamped with `v`, followed by '\n'; the newline is what marks a write as complete.
 */
import { HISTORY_LINE_VERSION, HistoryLine, type HistoryRecord } from './HistoryRecord';

/**
 * Upper bound on one line. The schemas bound every string, and JSON escapes at most 6 bytes per
 * UTF-16 unit, so a valid record stays well under this; anything longer is damage, and the
 * reader skips it without holding it in memory.
 */
export const MAX_LINE_BYTES = 256 * 1024;

/** The line for a record already parsed with HistoryRecord (the writer does that first). */
export function encodeLine(record: HistoryRecord): string {
  return `${JSON.stringify({ v: HISTORY_LINE_VERSION, ...record })}\n`;
}

export type DecodedLine =
  | { kind: 'record'; record: HistoryRecord }
  /** Well-formed JSON that is not a v1 record: hand-edited, or written by a newer version. */
  | { kind: 'invalid' }
  /** Not JSON at all: a torn write, or bytes that never were a record. */
  | { kind: 'garbage' };

/** `text` is the line without its '\n'. */
export function decodeLine(text: string): DecodedLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'garbage' };
  }
  const parsed = HistoryLine.safeParse(json);
  if (!parsed.success) return { kind: 'invalid' };
  const { v: _version, ...record } = parsed.data;
  return { kind: 'record', record };
}
