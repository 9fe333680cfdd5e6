import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VoiceDraft } from '../desk/contacts/contactDraft';
import { DraftJournal, type DraftJournalOptions } from './DraftJournal';
import { decodeJournal, encodeJournal } from './journalFile';

const SAVED_AT = Date.UTC(2025, 5, 11, 10, 0);

function draft(notes: string, overrides: Partial<VoiceDraft> = {}): VoiceDraft {
  return {
    id: 'call-1',
    channel: 'voice',
    direction: 'inbound',
    state: 'connected',
    peer: { number: '+15551230000', displayName: 'Jane' },
    createdAt: SAVED_AT - 60_000,
    connectedAt: SAVED_AT - 55_000,
    details: { notes },
    ...overrides,
  };
}

describe('DraftJournal', () => {
  let dir: string;
  let path: string;
  let warnings: Array<{ message: string; data?: Record<string, unknown> }>;
  /** How many times a write stamped the file: each write reads the clock once. */
  let writes: number;
  const options = (): DraftJournalOptions => ({
    logger: { warn: (message, data) => void warnings.push({ message, ...(data ? { data } : {}) }) },
    now: () => {
      writes += 1;
      return SAVED_AT;
    },
  });
  const openJournal = () => DraftJournal.open(path, options());
  const onDisk = () => decodeJournal(readFileSync(path, 'utf8'));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'openccp-drafts-'));
    path = join(dir, 'drafts', 'open-contacts.json');
    warnings = [];
    writes = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the contact and its notes to the file as they are recorded', async () => {
    const { journal, leftBehind } = openJournal();
    expect(leftBehind).toBeUndefined();
    journal.record([draft('wants a refund')]);
    await journal.flush();
    expect(onDisk()).toEqual({
      kind: 'journal',
      leftBehind: { savedAt: SAVED_AT, contacts: [draft('wants a refund')] },
    });
  });

  it('coalesces a burst of keystrokes into one write of the latest state', async () => {
    const { journal } = openJournal();
    let notes = '';
    for (const letter of 'wants a refund for order 1234') {
      notes += letter;
      journal.record([draft(notes)]);
    }
    await journal.flush();
    // Typed within one turn of the event loop: the writer starts after it, with the last state.
    expect(writes).toBe(1);
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft(notes)] }),
      }),
    );
  });

  it('still writes after the desk first reported an empty set (the desk starts with no contact)', async () => {
    const { journal } = openJournal();
    journal.record([]);
    journal.record([draft('after an empty start')]);
    await journal.flush();
    journal.record([]);
    journal.record([draft('after a clear')]);
    await journal.flush();
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft('after a clear')] }),
      }),
    );
  });

  it('writes at most twice for keystrokes arriving while a write is in flight: that one, then the latest', async () => {
    const { journal } = openJournal();
    journal.record([draft('w')]);
    await Promise.resolve(); // the writer has started on 'w'
    await Promise.resolve();
    for (const notes of ['wa', 'wan', 'want', 'wants']) journal.record([draft(notes)]);
    await journal.flush();
    expect(writes).toBe(2);
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft('wants')] }),
      }),
    );
  });

  it('does not write when nothing the journal keeps has changed (a call-quality update)', async () => {
    const { journal } = openJournal();
    journal.record([draft('same')]);
    await journal.flush();
    journal.record([draft('same')]);
    await journal.flush();
    expect(writes).toBe(1);
  });

  it('removes the file once no contact is open, so a clean start finds nothing', async () => {
    const { journal } = openJournal();
    journal.record([draft('x')]);
    await journal.flush();
    journal.record([]);
    await journal.flush();
    expect(existsSync(path)).toBe(false);
    expect(openJournal().leftBehind).toBeUndefined();
  });

  it('hands back what a run that died left behind, and keeps it until the desk has restored it', async () => {
    const first = openJournal().journal;
    first.record([draft('typed before the crash')]);
    await first.flush(); // then the process dies: no close

    const { journal, leftBehind } = openJournal();
    expect(leftBehind).toEqual({ savedAt: SAVED_AT, contacts: [draft('typed before the crash')] });
    journal.record([]); // the desk reports its empty set before it restores anything
    await journal.flush();
    expect(existsSync(path)).toBe(true);
    journal.resume();
    journal.record([draft('typed before the crash', { state: 'acw' })]);
    await journal.flush();
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({
          contacts: [draft('typed before the crash', { state: 'acw' })],
        }),
      }),
    );
  });

  for (const [damage, text] of [
    ['cut mid-write', encodeJournal([draft('half')], SAVED_AT).slice(0, 40)],
    ['empty', ''],
    ['binary garbage', '\u0000\u0000\u0000\u0000'],
    ['from a newer version', JSON.stringify({ v: 2, savedAt: SAVED_AT, contacts: [] })],
    ['holding notes over the length limit', encodeJournal([draft('x'.repeat(10_001))], SAVED_AT)],
  ] as const) {
    it(`moves a journal ${damage} aside, restores nothing from it and says so in the log`, () => {
      const { journal } = openJournal();
      journal.flushSync();
      writeFileSync(path, text);
      const { leftBehind } = openJournal();
      expect(leftBehind).toBeUndefined();
      const kept = readdirSync(join(dir, 'drafts')).filter((name) => name.includes('.damaged-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(dir, 'drafts', kept[0] ?? ''), 'utf8')).toBe(text);
      expect(existsSync(path)).toBe(false);
      expect(warnings.map((warning) => warning.message)).toEqual([
        'drafts journal: damaged, moved aside',
      ]);
    });
  }

  it('ignores a temporary file a crash left mid-write: the journal before it is intact', async () => {
    const first = openJournal().journal;
    first.record([draft('complete state')]);
    await first.flush();
    writeFileSync(`${path}.tmp`, '{"v":1,"savedAt":');
    const { leftBehind } = openJournal();
    expect(leftBehind?.contacts).toEqual([draft('complete state')]);
    expect(existsSync(`${path}.tmp`)).toBe(false);
  });

  it('close writes the last state and nothing after it (clean quit)', async () => {
    const { journal } = openJournal();
    journal.record([draft('first')]);
    journal.record([draft('last words before quitting')]);
    await journal.close();
    journal.record([draft('after close')]);
    await journal.flush();
    expect(openJournal().leftBehind?.contacts).toEqual([draft('last words before quitting')]);
  });

  it('flushSync writes the last state at once, and the write still in flight does not replace it', async () => {
    const { journal } = openJournal();
    journal.record([draft('in flight')]);
    journal.record([draft('newest')]);
    journal.flushSync(); // process exit: the background write is still under way
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft('newest')] }),
      }),
    );
    await journal.flush();
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft('newest')] }),
      }),
    );
  });

  it('keeps the state in memory when a write fails, and writes it on the next change', async () => {
    const { journal } = openJournal();
    rmSync(join(dir, 'drafts'), { recursive: true }); // the folder vanished under the app
    journal.record([draft('lost folder')]);
    await journal.flush();
    expect(warnings.map((warning) => warning.message)).toEqual(['drafts journal: write failed']);
    mkdirSync(join(dir, 'drafts'));
    journal.record([draft('lost folder, then more')]);
    await journal.flush();
    expect(onDisk()).toEqual(
      expect.objectContaining({
        leftBehind: expect.objectContaining({ contacts: [draft('lost folder, then more')] }),
      }),
    );
  });
});
