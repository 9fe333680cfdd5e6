/**
 * Writes every byte of `bytes` at the end of an append-mode file. One writeSync call in practice;
 * the loop only matters for the short writes POSIX allows (a signal, a nearly full disk).
 */
import { writeSync } from 'node:fs';

export function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length;) {
    written += writeSync(fd, bytes, written, bytes.length - written);
  }
}
