import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { repairSettingsFile } from './repairSettingsFile';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const BACKUP = 'settings.damaged-2026-11-30T10-00-00-000Z.json';

describe('repairSettingsFile', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-settings-'));
    file = join(dir, 'settings.json');
  });

  it('leaves a missing file alone (first start)', () => {
    expect(repairSettingsFile(file, NOW)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a valid file untouched, unknown keys of a newer version included', () => {
    const text = JSON.stringify({ schemaVersion: 1, ringTimeoutSec: 30, fromTheFuture: true });
    writeFileSync(file, text);
    expect(repairSettingsFile(file, NOW)).toBeUndefined();
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it.each([
    ['cut mid-write', '{"schemaVersion":1,"ringTimeo'],
    ['empty', ''],
    ['an array', '[1,2]'],
    ['null', 'null'],
  ])('moves a file that is %s aside, keeping it for support', (_what, text) => {
    writeFileSync(file, text);
    expect(repairSettingsFile(file, NOW)).toEqual({
      kind: 'unreadable',
      backup: join(dir, BACKUP),
    });
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(join(dir, BACKUP), 'utf8')).toBe(text);
  });

  it('drops only the values of the wrong type and keeps the rest, with the original beside it', () => {
    const original = {
      schemaVersion: 1,
      ringTimeoutSec: 'twenty',
      lastStatusId: 'lunch',
      encryptedPassword: 42,
      fromTheFuture: 'kept',
    };
    writeFileSync(file, JSON.stringify(original));
    expect(repairSettingsFile(file, NOW)).toEqual({
      kind: 'invalidValues',
      keys: ['ringTimeoutSec', 'encryptedPassword'],
      backup: join(dir, BACKUP),
    });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      schemaVersion: 1,
      lastStatusId: 'lunch',
      fromTheFuture: 'kept',
    });
    expect(JSON.parse(readFileSync(join(dir, BACKUP), 'utf8'))).toEqual(original);
    expect(readdirSync(dir).sort()).toEqual([BACKUP, 'settings.json']);
  });
});
