/**
 * Where the history file's intact part ends, found from the end backwards: past the last
 * complete line that is JSON (a record, or one a newer version wrote). A crash can only damage
 * the end (recoverLog), so this reads one small window of a healthy file instead of all of it,
 * which lets the app start appending at once and read the rest of the file in the background.
 *
 * The window grows (64 KB, then 4x) while the lines in it are all damage; past
 * MAX_BACKWARD_BYTES (the last window read is 4 MB) the caller is told to scan forwards instead (a file ending in megabytes
 * of zeros after a power cut is rare, and the forward scan reads in bounded memory).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { decodeLine, MAX_LINE_BYTES } from './lineCodec';

const FIRST_WINDOW_BYTES = 64 * 1024;
const MAX_BACKWARD_BYTES = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

/** The end offset (past its '\n') of the last intact line, 0 for none, or undefined: scan forwards. */
export function lastGoodLineEnd(path: string, size: number): number | undefined {
  if (size === 0) return 0;
  const fd = openSync(path, 'r');
  try {
    for (let window = FIRST_WINDOW_BYTES; window <= MAX_BACKWARD_BYTES; window *= 4) {
      const start = Math.max(0, size - window);
      const found = lastGoodIn(readRange(fd, start, size), start === 0);
      if (found !== undefined) return found < 0 ? 0 : start + found;
    }
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * In `bytes` (the file's last bytes, from its start when `fromFileStart`): the end of the last
 * intact line, -1 when there is none in the file, undefined when the window must grow to tell.
 */
function lastGoodIn(bytes: Buffer, fromFileStart: boolean): number | undefined {
  // Whatever follows the last '\n' is an unfinished line: never intact.
  let end = bytes.lastIndexOf(NEWLINE);
  while (end >= 0) {
    const previous = end === 0 ? -1 : bytes.lastIndexOf(NEWLINE, end - 1);
    // A line whose start is not in the window may be longer than it shows: look further back.
    if (previous < 0 && !fromFileStart) return undefined;
    const lineStart = previous + 1;
    if (end - lineStart <= MAX_LINE_BYTES) {
      const decoded = decodeLine(bytes.toString('utf8', lineStart, end));
      if (decoded.kind !== 'garbage') return end + 1;
    }
    end = previous;
  }
  return fromFileStart ? -1 : undefined;
}

function readRange(fd: number, from: number, to: number): Buffer {
  const buffer = Buffer.allocUnsafe(to - from);
  // One read: a regular file gives every byte asked for that it has.
  return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, from));
}
