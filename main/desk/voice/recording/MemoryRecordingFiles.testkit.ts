/** Recordings kept in memory for desk tests: what each file got, and a disk that can fail. */
import type { RecordingFiles } from './RecordingFiles';

export class MemoryRecordingFiles implements RecordingFiles {
  readonly files = new Map<string, { bytes: number[]; closed: boolean }>();
  /** Set to make the next append throw, as a full disk would. */
  failAppend = false;
  /** Set to make create throw, as a folder the agent may not write to would. */
  failCreate = false;
  /** Set to make close throw, as a network share gone away would. */
  failClose = false;

  create(name: string): string {
    if (this.failCreate) throw new Error('EACCES: permission denied');
    const file = `/recordings/${name}`;
    this.files.set(file, { bytes: [], closed: false });
    return file;
  }

  append(file: string, bytes: Uint8Array): void {
    if (this.failAppend) throw new Error('ENOSPC: no space left on device');
    this.files.get(file)!.bytes.push(...bytes);
  }

  close(file: string): void {
    if (this.failClose) throw new Error('EIO: i/o error');
    this.files.get(file)!.closed = true;
  }

  text(file: string): string {
    return String.fromCharCode(...this.files.get(file)!.bytes);
  }
}
