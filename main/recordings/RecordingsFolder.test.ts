import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordingsFolder } from './RecordingsFolder';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'openccp-recordings-folder-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function folder(policy?: string, policyUnreadable = false) {
  const state = { saved: undefined as string | undefined, shown: [] as unknown[] };
  const subject = new RecordingsFolder({
    policy: () => policy,
    locked: () => policy !== undefined || policyUnreadable,
    saved: () => state.saved,
    save: (value) => (state.saved = value),
    fallback: () => '/default/recordings',
    changed: (shown) => state.shown.push(shown),
  });
  return { subject, state };
}

describe('RecordingsFolder', () => {
  it('is the default until the agent chooses one', () => {
    expect(folder().subject.snapshot()).toEqual({ folder: '/default/recordings', locked: false });
  });

  it('keeps a writable absolute folder and shows it', () => {
    const { subject, state } = folder();
    expect(subject.set(`  ${base}  `)).toEqual({ ok: true });
    expect(subject.current()).toBe(base);
    expect(state.shown).toEqual([{ folder: base, locked: false }]);
  });

  it('refuses a relative path and keeps the old folder', () => {
    const { subject, state } = folder();
    expect(subject.set('Recordings')).toEqual({ ok: false, reason: 'folderNotAbsolute' });
    expect(state.saved).toBeUndefined();
  });

  it('refuses a folder that does not exist', () => {
    expect(folder().subject.set(join(base, 'missing'))).toEqual({
      ok: false,
      reason: 'folderNotWritable',
    });
  });

  it('refuses a file that is not a folder', () => {
    const file = join(base, 'file.txt');
    writeFileSync(file, 'x');
    expect(folder().subject.set(file)).toEqual({ ok: false, reason: 'folderNotWritable' });
  });

  it("uses the machine policy's folder, locked, and refuses a change", () => {
    const { subject, state } = folder('/it/recordings');
    expect(subject.snapshot()).toEqual({ folder: '/it/recordings', locked: true });
    expect(subject.set(base)).toEqual({ ok: false, reason: 'settingLocked' });
    expect(state.saved).toBeUndefined();
  });

  it('keeps the default, locked, when the machine policy cannot be read', () => {
    const { subject, state } = folder(undefined, true);
    expect(subject.snapshot()).toEqual({ folder: '/default/recordings', locked: true });
    expect(subject.set(base)).toEqual({ ok: false, reason: 'settingLocked' });
    expect(state.saved).toBeUndefined();
  });
});
