/**
 * The folder call recordings are written to (D9): the machine policy's if IT set one (and then
 * locked), else the agent's from settings, else the default (Documents/OpenCCP recordings in
 * the app). A folder the agent enters is checked here, in main, before it is kept: a full path
 * (a relative one would depend on the app's working folder), an existing folder, and one this
 * user can write to, so a recording never fails at the first chunk for a typo.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import type { DeskState, IntentResult } from '../../common/contract';

export interface RecordingsFolderOptions {
  /** The machine policy's folder, if it sets one. */
  policy(): string | undefined;
  /** Whether the machine policy locks the folder: it sets one, or its file cannot be read. */
  locked(): boolean;
  /** The agent's folder from settings, if they chose one. */
  saved(): string | undefined;
  save(folder: string): void;
  fallback(): string;
  /** Called with what the settings screen shows after every change. */
  changed(state: NonNullable<DeskState['recordingsFolder']>): void;
}

export class RecordingsFolder {
  constructor(private readonly options: RecordingsFolderOptions) {}

  /** Where the next recording goes. */
  current(): string {
    return this.options.policy() ?? this.options.saved() ?? this.options.fallback();
  }

  snapshot(): NonNullable<DeskState['recordingsFolder']> {
    return { folder: this.current(), locked: this.isLocked() };
  }

  set(folder: string): IntentResult {
    if (this.isLocked()) return { ok: false, reason: 'settingLocked' };
    const trimmed = folder.trim();
    if (!isAbsolute(trimmed)) return { ok: false, reason: 'folderNotAbsolute' };
    const path = normalize(trimmed);
    if (!isWritableFolder(path)) return { ok: false, reason: 'folderNotWritable' };
    this.options.save(path);
    this.options.changed(this.snapshot());
    return { ok: true };
  }

  private isLocked(): boolean {
    return this.options.policy() !== undefined || this.options.locked();
  }
}

function isWritableFolder(path: string): boolean {
  try {
    if (!statSync(path).isDirectory()) return false;
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
