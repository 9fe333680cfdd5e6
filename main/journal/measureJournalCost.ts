/**
 * What journaling the agent's drafts costs per keystroke (Reliability), measured on real files:
 *
 * - `recordUs`: the part on the main thread every time the desk changes, what a keystroke pays
 *   (the desk's projection is not included: a few object spreads). One JSON.stringify of the
 *   set and a comparison; the write itself runs in the background.
 * - `writeMs`: one background write (temporary file, fsync, rename, folder fsync), the time a
 *   state takes to become durable. Writes are coalesced, so typing faster than this costs no
 *   more writes, only a later one.
 * - `writes`: how many writes `keystrokes` records, one per event-loop turn, led to: with a write
 *   in flight the keystrokes behind it collapse into one write of the latest state.
 *
 * Works in a fresh folder under `dir` and removes it afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ContactDraft } from '../desk/contacts/contactDraft';
import { DraftJournal } from './DraftJournal';

export interface JournalCost {
  recordMedianUs: number;
  recordP95Us: number;
  writeMedianMs: number;
  writes: number;
  keystrokes: number;
}

const silent = { warn: () => undefined };

export async function measureJournalCost(dir: string, keystrokes: number): Promise<JournalCost> {
  const work = mkdtempSync(join(dir, 'journal-cost-'));
  try {
    let writes = 0;
    const { journal } = DraftJournal.open(join(work, 'open-contacts.json'), {
      logger: silent,
      now: () => {
        writes += 1;
        return Date.now();
      },
    });
    // Typing: each keystroke adds a letter to notes already a few hundred characters long.
    const recordUs: number[] = [];
    let notes = 'Customer called about the invoice of last month. '.repeat(8);
    for (let i = 0; i < keystrokes; i += 1) {
      notes += String.fromCharCode(97 + (i % 26));
      const drafts = [sampleDraft(notes)];
      const started = performance.now();
      journal.record(drafts);
      recordUs.push((performance.now() - started) * 1000);
      // Each keystroke in its own turn of the event loop, as IPC messages arrive: the writer
      // runs in between, so this counts the writes of the worst case (no UI typing pause).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await journal.flush();
    const burstWrites = writes;

    // One write at a time, each waited for: the cost of making one state durable.
    const writeMs: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      const started = performance.now();
      journal.record([sampleDraft(`${notes} ${i}`)]);
      await journal.flush();
      writeMs.push(performance.now() - started);
    }
    await journal.close();
    return {
      recordMedianUs: percentile(recordUs, 0.5),
      recordP95Us: percentile(recordUs, 0.95),
      writeMedianMs: percentile(writeMs, 0.5),
      writes: burstWrites,
      keystrokes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function sampleDraft(notes: string): ContactDraft {
  const now = Date.now();
  return {
    id: 'sample-call',
    channel: 'voice',
    direction: 'inbound',
    state: 'connected',
    peer: { number: '+15551230000', displayName: 'Jane Customer' },
    queue: 'Sales',
    createdAt: now - 120_000,
    connectedAt: now - 110_000,
    details: { notes, wrapUpCode: 'resolved' },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}
