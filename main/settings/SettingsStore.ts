/**
 * Typed access to the settings file. A value that fails the schema (hand-edited, from an older
 * version, half-written by a crash) is replaced by its default and logged, so a broken file
 * never keeps the agent from signing in.
 */
import type { Logger } from '../log/Logger';
import type { KeyValueFile } from './KeyValueFile';
import { invalidSettingsKeys, Settings } from './settingsSchema';

export class SettingsStore {
  private current: Settings;

  constructor(
    private readonly file: KeyValueFile,
    private readonly logger: Logger,
  ) {
    this.current = this.read();
  }

  private read(): Settings {
    const parsed = Settings.safeParse(this.file.store);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    this.logger.warn('settings: invalid file, using defaults for bad keys', {
      path: issue?.path.join('.'),
      issue: issue?.message,
    });
    // Keep every key that is valid on its own; drop only the broken ones.
    const stored = this.file.store;
    const broken = invalidSettingsKeys(stored);
    for (const key of broken) this.file.delete(key);
    return Settings.parse(
      Object.fromEntries(Object.entries(stored).filter(([key]) => !broken.includes(key))),
    );
  }

  get(): Settings {
    return this.current;
  }

  update(patch: Partial<Settings>): void {
    const next = Settings.parse({ ...this.current, ...patch });
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) this.file.delete(key);
      else this.file.set(key, next[key as keyof Settings]);
    }
    this.current = next;
  }
}
