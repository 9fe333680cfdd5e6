/**
 * Repairs the settings file before the store opens it. electron-store validates the whole file
 * against its schema in its constructor and throws on a file cut mid-write, an empty one, or
 * one value of the wrong type; the app then never opened a window. Here, instead:
 * - a file that is not a JSON object (cut, empty, garbage) is moved aside and the app starts
 *   from defaults;
 * - a file with values that fail the schema keeps every other value; the bad ones are dropped.
 * Either way the original is kept beside it (`settings.damaged-<time>.json`) for support, and
 * the agent is told (notice `settingsRepaired`).
 */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidSettingsKeys } from './settingsSchema';

export type SettingsRepair =
  | { readonly kind: 'unreadable'; readonly backup: string }
  | { readonly kind: 'invalidValues'; readonly keys: readonly string[]; readonly backup: string };

function backupPath(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  return join(dirname(file), `${basename(file, '.json')}.damaged-${stamp}.json`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** What was repaired in `file`, or undefined when it is fine (or absent: a first start). */
export function repairSettingsFile(file: string, now = new Date()): SettingsRepair | undefined {
  if (!existsSync(file)) return undefined;
  const stored = parseObject(readFileSync(file, 'utf8'));
  if (!stored) {
    const backup = backupPath(file, now);
    renameSync(file, backup);
    return { kind: 'unreadable', backup };
  }
  const badKeys = invalidSettingsKeys(stored);
  if (badKeys.length === 0) return undefined;
  const backup = backupPath(file, now);
  copyFileSync(file, backup);
  const repaired = Object.fromEntries(
    Object.entries(stored).filter(([key]) => !badKeys.includes(key)),
  );
  // Written whole and renamed over the original: a crash now leaves one file or the other.
  const temporary = `${file}.repairing`;
  writeFileSync(temporary, JSON.stringify(repaired, undefined, '\t'));
  renameSync(temporary, file);
  return { kind: 'invalidValues', keys: badKeys, backup };
}
