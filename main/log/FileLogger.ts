/**
 * The main process's log file: one JSON line per event, written without blocking, rotated by
 * size, and protected from floods.
 *
 * - pino formats each line (a JSON.stringify, no I/O) and hands it to the stream; nothing waits
 *   for the disk. The lines were written with appendFileSync before, one blocking system call
 *   each, which under an INVITE flood held up every click the agent made.
 * - rotating-file-stream buffers what arrives while a write is under way and writes it in one
 *   go (writev), and rotates the file by size in the classical way: openccp.log is the current
 *   file, openccp.log.1 the one before, and so on. 5 MB x 5 files (the current one and four
 *   old ones) caps the log at 25 MB. A busy day of calls writes well under 1 MB (about ten
 *   lines of 200-400 bytes per call), so this keeps about a week or more for support, and one
 *   file is still small enough to attach to a ticket.
 * - RepeatLimiter collapses a burst of the same message (20 a second per message are written,
 *   then one "… repeated N times" line), so a flood of offers cannot fill the disk.
 * - Secrets are masked by `redact` before anything is formatted, as before.
 *
 * The line keeps the shape support and the tests know: {"level","at","message","data"}.
 * Lines still buffered when the process dies are lost; `flush` and `close` are for quitting and
 * crash handlers (main/index.ts), which wait for them before the process goes.
 */
import { join } from 'node:path';
import { pino, type Logger as PinoLogger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { redact, type Logger } from './Logger';
import { RepeatLimiter, type RepeatLimiterTimers } from './RepeatLimiter';

type Level = 'info' | 'warn' | 'error';

export interface FileLoggerOptions {
  /** The folder of the log files (created if missing). */
  dir: string;
  /** Default openccp.log. */
  fileName?: string;
  /** Size at which the file is rotated, in rotating-file-stream's units: '5M', '10K'. */
  maxFileSize?: string;
  /** Rotated files kept besides the current one. */
  keptFiles?: number;
  /** Lines with the same message written per second; the rest are counted. */
  maxRepeatsPerSecond?: number;
  /** The clock the limiter and the timestamps read (tests use fake timers). */
  timers?: RepeatLimiterTimers;
}

export interface FileLogger extends Logger {
  /** The current log file. */
  readonly file: string;
  /** Resolves once every line logged so far is in the file (pending summaries included). */
  flush(): Promise<void>;
  /** Flushes and closes the file; lines logged afterwards are dropped. */
  close(): Promise<void>;
}

export const LOG_FILE_NAME = 'openccp.log';
const DEFAULT_MAX_FILE_SIZE = '5M';
const DEFAULT_KEPT_FILES = 4;
const DEFAULT_MAX_REPEATS_PER_SECOND = 20;
const REPEAT_WINDOW_MS = 1000;

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const fileName = options.fileName ?? LOG_FILE_NAME;
  // In classical rotation the generator gets the rotated file's index (none: the current one).
  const name = (index: number | Date | null) =>
    typeof index === 'number' && index > 0 ? `${fileName}.${index}` : fileName;
  const stream = createStream(name, {
    path: options.dir,
    size: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    rotate: options.keptFiles ?? DEFAULT_KEPT_FILES,
  });
  // A full disk or a missing folder must not take the app down with an unhandled 'error'.
  let reported = false;
  stream.on('error', (error) => {
    if (reported) return;
    reported = true;
    process.stderr.write(`openccp: the log file cannot be written: ${String(error)}\n`);
  });
  const now = options.timers?.now ?? Date.now;
  const lines = pino(
    {
      base: undefined,
      messageKey: 'message',
      timestamp: () => `,"at":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  const limiter = new RepeatLimiter<{ level: Level; message: string }>({
    maxPerWindow: options.maxRepeatsPerSecond ?? DEFAULT_MAX_REPEATS_PER_SECOND,
    windowMs: REPEAT_WINDOW_MS,
    onSuppressed: ({ level, message }, repeated, withinMs) =>
      write(lines, level, `${message} … repeated ${repeated} times`, { repeated, withinMs }),
    ...(options.timers ? { timers: options.timers } : {}),
  });
  let closed = false;
  const log = (level: Level) => (message: string, data?: Record<string, unknown>) => {
    if (closed || !limiter.admit(`${level} ${message}`, { level, message })) return;
    write(lines, level, message, data && redact(data));
  };
  const flush = async (): Promise<void> => {
    limiter.flush();
    await written(stream);
  };
  return {
    file: join(options.dir, fileName),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    flush,
    async close() {
      if (closed) return;
      await flush();
      closed = true;
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}

function write(
  lines: PinoLogger,
  level: Level,
  message: string,
  data: Record<string, unknown> | undefined,
): void {
  if (data) lines[level]({ data }, message);
  else lines[level](message);
}

/** Resolves when everything written to `stream` so far has reached the file. */
function written(stream: RotatingFileStream): Promise<void> {
  if (stream.destroyed || stream.writableEnded) return Promise.resolve();
  // Writes complete in order, so an empty write's callback runs after every earlier line's.
  return new Promise((resolve) => stream.write('', () => resolve()));
}
