/**
 * Splits a byte stream into '\n'-terminated lines while keeping each line's byte offsets, which
 * crash recovery needs to truncate the file exactly after the last good line. Works on bytes,
 * not strings, so a multi-byte character cut by a chunk boundary is decoded whole.
 */

export interface RawLine {
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just past the line, including its '\n' when terminated. */
  end: number;
  /** False only for a last line the stream ended in the middle of. */
  terminated: boolean;
  /** The line without '\n'; undefined when it was longer than the limit (never buffered). */
  text: string | undefined;
}

const NEWLINE = 0x0a;

export class LineSplitter {
  private parts: Buffer[] = [];
  private partBytes = 0;
  private oversized = false;
  private lineStart = 0;
  private offset = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** Feeds the next chunk; the chunk may be reused by the caller afterwards. */
  push(chunk: Buffer): RawLine[] {
    const lines: RawLine[] = [];
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) break;
      const end = this.offset + newline + 1;
      if (this.partBytes === 0 && !this.oversized && newline - from <= this.maxLineBytes) {
        // The common case, a whole line inside this chunk: decode it in place, no copy.
        lines.push({
          start: this.lineStart,
          end,
          terminated: true,
          text: chunk.toString('utf8', from, newline),
        });
        this.lineStart = end;
      } else {
        this.keep(chunk, from, newline);
        lines.push(this.take(end, true));
      }
      from = newline + 1;
    }
    this.keep(chunk, from, chunk.length);
    this.offset += chunk.length;
    return lines;
  }

  /** The unterminated rest of the stream, if any. */
  finish(): RawLine | undefined {
    if (this.offset === this.lineStart) return undefined;
    return this.take(this.offset, false);
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.oversized || to === from) return;
    if (this.partBytes + (to - from) > this.maxLineBytes) {
      this.oversized = true;
      this.parts = [];
      this.partBytes = 0;
      return;
    }
    // Copied: the caller reuses its read buffer for the next chunk.
    this.parts.push(Buffer.from(chunk.subarray(from, to)));
    this.partBytes += to - from;
  }

  private take(end: number, terminated: boolean): RawLine {
    const text = this.oversized ? undefined : Buffer.concat(this.parts).toString('utf8');
    const line = { start: this.lineStart, end, terminated, text };
    this.parts = [];
    this.partBytes = 0;
    this.oversized = false;
    this.lineStart = end;
    return line;
  }
}
