import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryLog } from './HistoryLog';
import { contactAt, statusAt } from './historyRecords.testkit';
import { queryWords, RecentContactIndex } from './RecentContactIndex';

const T0 = Date.UTC(2025, 5, 11, 10, 0);
const all = { query: '', limit: 100 };

describe('RecentContactIndex', () => {
  it('lists calls newest first with direction, outcome, queue and handle time', () => {
    const index = new RecentContactIndex();
    index.add(contactAt(T0, 'a', { outcome: 'missed', queue: 'Sales' }));
    index.add(statusAt(T0 + 1));
    index.add(
      contactAt(T0 + 2, 'b', {
        direction: 'outbound',
        peer: { number: '1002', displayName: '' },
        handleMs: 4000,
      }),
    );
    expect(index.search(all)).toEqual({
      total: 2,
      entries: [
        {
          contactId: 'b',
          at: T0 + 2,
          direction: 'outbound',
          outcome: 'handled',
          number: '1002',
          displayName: '',
          handleMs: 4000,
        },
        {
          contactId: 'a',
          at: T0,
          direction: 'inbound',
          outcome: 'missed',
          number: '+442071838750',
          displayName: 'Jane Customer',
          queue: 'Sales',
        },
      ],
    });
  });

  it('uses the offer time of an inbound call, not the time it was cleared', () => {
    const index = new RecentContactIndex();
    index.add(contactAt(T0, 'a', { offeredAt: T0 - 60_000 }));
    expect(index.search(all).entries[0]?.at).toBe(T0 - 60_000);
  });

  it('leaves chats out: the list is for calling back', () => {
    const index = new RecentContactIndex();
    index.add({
      ...contactAt(T0, 'chat-1'),
      channel: 'chat',
      conversationId: 'conv',
      transcript: [],
    });
    expect(index.search(all)).toEqual({ entries: [], total: 0 });
    expect(index.revision).toBe(0);
  });

  it('finds a call by name, queue or number, every word having to match, case ignored', () => {
    const index = new RecentContactIndex();
    index.add(contactAt(T0, 'jane', { queue: 'Billing' }));
    index.add(contactAt(T0 + 1, 'bob', { peer: { number: '1002', displayName: 'Bob Agent' } }));
    const ids = (query: string) =>
      index.search({ query, limit: 10 }).entries.map((entry) => entry.contactId);
    expect(ids('jane')).toEqual(['jane']);
    expect(ids('BILLING')).toEqual(['jane']);
    expect(ids('1002')).toEqual(['bob']);
    expect(ids('jane bob')).toEqual([]);
    expect(ids('  agent  ')).toEqual(['bob']);
  });

  it('matches a number however it is written: spaces, dashes, brackets, full-width digits', () => {
    const index = new RecentContactIndex();
    index.add(contactAt(T0, 'uk', { peer: { number: '+44 20 7183 8750', displayName: '' } }));
    const found = (query: string) => index.search({ query, limit: 10 }).total;
    expect(found('71838750')).toBe(1);
    expect(found('7183-8750')).toBe(1);
    expect(found('(20) 7183')).toBe(1);
    expect(found('７１８３')).toBe(1);
    expect(found('+4420')).toBe(1);
    expect(found('9999')).toBe(0);
  });

  it('reads number-like words by their digits and leaves other words as typed', () => {
    expect(queryWords(' (020) 7183-8750 Jane ')).toEqual(['020', '71838750', 'jane']);
    expect(queryWords('+')).toEqual(['+']);
  });

  it('returns the newest `limit` matches and counts all of them', () => {
    const index = new RecentContactIndex();
    for (let i = 0; i < 30; i += 1) index.add(contactAt(T0 + i, `c${i}`));
    const result = index.search({ query: 'jane', limit: 5 });
    expect(result.total).toBe(30);
    expect(result.entries.map((entry) => entry.contactId)).toEqual([
      'c29',
      'c28',
      'c27',
      'c26',
      'c25',
    ]);
  });

  it('keeps only the newest maxEntries calls, also before it trims its array', () => {
    const index = new RecentContactIndex(10);
    for (let i = 0; i < 11; i += 1) index.add(contactAt(T0 + i, `c${i}`));
    expect(index.search(all).total).toBe(10);
    expect(index.search(all).entries.at(-1)?.contactId).toBe('c1');
    for (let i = 11; i < 40; i += 1) index.add(contactAt(T0 + i, `c${i}`));
    expect(index.size).toBeLessThanOrEqual(11);
    expect(index.search(all).entries.map((entry) => entry.contactId)).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${39 - i}`),
    );
    expect(index.revision).toBe(40);
  });

  it('finds one call among 10,000 and lists them all, in one pass over the index', () => {
    const index = new RecentContactIndex();
    for (let i = 0; i < 10_000; i += 1) {
      index.add(
        contactAt(T0 + i, `c${i}`, {
          peer: { number: `+4420718${String(i).padStart(5, '0')}`, displayName: `Customer ${i}` },
        }),
      );
    }
    expect(index.search({ query: '71804321', limit: 50 })).toMatchObject({
      total: 1,
      entries: [{ contactId: 'c4321' }],
    });
    expect(index.search({ query: '', limit: 50 })).toMatchObject({ total: 10_000 });
  });
});

describe('RecentContactIndex over the history log', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the calls written before a restart and those appended after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'recent-'));
    dirs.push(dir);
    const path = join(dir, 'contacts.jsonl');
    const first = HistoryLog.open(path, { durable: false });
    first.append(contactAt(T0, 'before', { outcome: 'missed' }));
    first.close();

    const index = new RecentContactIndex();
    const second = HistoryLog.open(path, { durable: false, observe: (r) => index.add(r) });
    expect(index.search(all).entries.map((entry) => entry.contactId)).toEqual(['before']);
    second.append(contactAt(T0 + 1, 'after'));
    second.close();
    expect(index.search(all).entries.map((entry) => [entry.contactId, entry.outcome])).toEqual([
      ['after', 'handled'],
      ['before', 'missed'],
    ]);
  });
});
