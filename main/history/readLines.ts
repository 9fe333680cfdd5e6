/**
 * Chunked readers over the first `size` bytes of a file, in bounded memory whatever the file
 * size. The sync one serves recovery at open (before any append may start); the async one serves
 * export, so a large file never blocks the main process's event loop.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { LineSplitter, type RawLine } from './LineSplitter';
import { MAX_LINE_BYTES } from './lineCodec';

const CHUNK_BYTES = 1024 * 1024;

export function* readLinesSync(path: string, size: number): Generator<RawLine> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const splitter = new LineSplitter(MAX_LINE_BYTES);
    let position = 0;
    while (position < size) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (read === 0) break; // shorter than expected: someone else truncated it
      position += read;
      yield* splitter.push(buffer.subarray(0, read));
    }
    const rest = splitter.finish();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

export async function* readLines(path: string, size: number): AsyncGenerator<RawLine> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const splitter = new LineSplitter(MAX_LINE_BYTES);
    let position = 0;
    while (position < size) {
      const { bytesRead } = await file.read(
        buffer,
        0,
        Math.min(CHUNK_BYTES, size - position),
        position,
      );
      if (bytesRead === 0) break;
      position += bytesRead;
      yield* splitter.push(buffer.subarray(0, bytesRead));
    }
    const rest = splitter.finish();
    if (rest) yield rest;
  } finally {
    await file.close();
  }
}
