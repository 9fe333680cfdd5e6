/**
 * Reading the history file at open, and repairing what a crash left behind.
 *
 * A record is complete once its '\n' is in the file: the writer puts each line in with one write,
 * so a crash (or power cut) can only leave the *end* of the file damaged: part of a line, or
 * bytes that never became one (some file systems expose zeros after a power cut). Everything
 * after the last intact line is moved to `<file>.torn-<epoch ms>` for support and cut off, so the
 * next append starts on a clean line instead of gluing itself to the fragment.
 *
 * Damage in the middle (a hand edit, a bad sector) is skipped and counted, never fatal: the rest
 * of the agent's history stays readable. A complete line that is valid JSON but not a v1 record
 * (written by a newer version, say) is skipped and kept, even at the end: a torn write cannot
 * produce one, and cutting it would lose data a newer version can still read.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
import type { HistoryRecord } from './HistoryRecord';
import { lastGoodLineEnd } from './lastGoodLineEnd';
import { decodeLine } from './lineCodec';
import { readLinesSync } from './readLines';
import { writeAll } from './writeAll';

export interface Recovered {
  /** Bytes cut from the end of the file (a torn last write). */
  tornBytes: number;
  /** Lines before the end that were not readable records; left in place. */
  skippedLines: number;
  /** Where the cut bytes were saved, when there were any. */
  tornFile?: string;
}

export interface RecoveredLog {
  /** File length after repair: every byte belongs to a complete line. */
  size: number;
  recovered: Recovered;
}

/** Scans `path`, hands each good record to `onRecord` in file order, and repairs a torn end. */
export function recoverLog(
  path: string,
  onRecord: (record: HistoryRecord) => void,
  now: number,
): RecoveredLog {
  const { size, tornBytes, tornFile } = recoverTail(path, now);
  const scan = scanBody(path, size, onRecord);
  let step = scan.next();
  while (!step.done) step = scan.next();
  const skippedLines = step.value;
  return { size, recovered: { tornBytes, skippedLines, ...(tornFile ? { tornFile } : {}) } };
}

export interface RecoveredTail {
  /** File length after repair: every byte belongs to a complete line. */
  size: number;
  tornBytes: number;
  tornFile?: string;
}

/**
 * Repairs a torn end, reading only the end of a healthy file (lastGoodLineEnd): after this,
 * appends may start while scanBody reads the rest.
 */
export function recoverTail(path: string, now: number): RecoveredTail {
  if (!existsSync(path)) return { size: 0, tornBytes: 0 };
  const size = statSync(path).size;
  const goodEnd = lastGoodLineEnd(path, size) ?? forwardGoodEnd(path, size);
  const tornBytes = size - goodEnd;
  if (tornBytes === 0) return { size, tornBytes };
  const tornFile = saveTail(path, goodEnd, size, now);
  cutAt(path, goodEnd);
  return { size: goodEnd, tornBytes, tornFile };
}

/**
 * Hands each good record of the repaired file's first `size` bytes to `onRecord`, in file
 * order, yielding after every line so a caller can read it in slices; returns the lines that
 * were not readable records (left in place). Every such line lies before an intact one: the
 * damage after the last was cut by recoverTail.
 */
export function* scanBody(
  path: string,
  size: number,
  onRecord: (record: HistoryRecord) => void,
): Generator<undefined, number> {
  let skippedLines = 0;
  // An empty or missing file (a first start) has nothing to read.
  if (size === 0) return skippedLines;
  for (const line of readLinesSync(path, size)) {
    if (!line.terminated) break;
    const decoded = line.text === undefined ? undefined : decodeLine(line.text);
    if (decoded?.kind === 'record') onRecord(decoded.record);
    else skippedLines += 1;
    yield undefined;
  }
  return skippedLines;
}

/** The end of the last intact line, reading the whole file forwards (JSON only, no schema). */
function forwardGoodEnd(path: string, size: number): number {
  let goodEnd = 0;
  for (const line of readLinesSync(path, size)) {
    if (!line.terminated) break;
    if (line.text !== undefined && decodeLine(line.text).kind !== 'garbage') goodEnd = line.end;
  }
  return goodEnd;
}

/** Good records only, for rebuilding the day index; the file is already repaired. */
export function scanRecordsSync(
  path: string,
  size: number,
  onRecord: (record: HistoryRecord) => void,
): void {
  for (const line of readLinesSync(path, size)) {
    if (!line.terminated || line.text === undefined) continue;
    const decoded = decodeLine(line.text);
    if (decoded.kind === 'record') onRecord(decoded.record);
  }
}

/** Copies bytes [from, to) to a new side file, synced before the original is cut. */
function saveTail(path: string, from: number, to: number, now: number): string {
  const [tornFile, out] = createSideFile(`${path}.torn-${now}`);
  const source = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(Math.min(to - from, 1024 * 1024));
    for (let position = from; position < to;) {
      const read = readSync(source, buffer, 0, Math.min(buffer.length, to - position), position);
      if (read === 0) break;
      writeAll(out, buffer.subarray(0, read));
      position += read;
    }
    fsyncSync(out);
  } finally {
    closeSync(source);
    closeSync(out);
  }
  return tornFile;
}

/** Never overwrites an earlier side file: two recoveries in the same millisecond get -1, -2... */
function createSideFile(base: string): [string, number] {
  for (let attempt = 0; ; attempt += 1) {
    const name = attempt === 0 ? base : `${base}-${attempt}`;
    try {
      return [name, openSync(name, 'wx', 0o600)];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function cutAt(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
