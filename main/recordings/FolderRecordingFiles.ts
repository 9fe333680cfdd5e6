/**
 * Recordings as files in one folder (the agent's choice in settings, or Documents/OpenCCP
 * recordings): created exclusively (never over an earlier recording), appended to as the
 * engine's chunks arrive, so a crash loses at most the last second.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingFiles } from '../desk/voice/recording/RecordingFiles';
import { writeAll } from '../history/writeAll';

export class FolderRecordingFiles implements RecordingFiles {
  private readonly open = new Map<string, number>();

  /** `folder`: read at each new recording, so a changed setting applies to the next call. */
  constructor(private readonly folder: () => string) {}

  create(name: string): string {
    const folder = this.folder();
    mkdirSync(folder, { recursive: true });
    const file = join(folder, name);
    // 'wx': fails rather than overwrite a file of the same name.
    this.open.set(file, openSync(file, 'wx'));
    return file;
  }

  append(file: string, bytes: Uint8Array): void {
    const fd = this.open.get(file);
    if (fd === undefined) throw new Error(`recording file not open: ${file}`);
    writeAll(fd, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  close(file: string): void {
    const fd = this.open.get(file);
    if (fd === undefined) return;
    this.open.delete(file);
    closeSync(fd);
  }
}
