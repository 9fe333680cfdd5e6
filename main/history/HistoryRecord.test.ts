import { describe, expect, it } from 'vitest';
import { HistoryRecord, MAX_NOTE_LENGTH } from './HistoryRecord';
import { decodeLine, encodeLine } from './lineCodec';
import { contactAt, statusAt } from './historyRecords.testkit';

const AT = Date.UTC(2025, 5, 11, 9);

describe('history records', () => {
  it('accepts notes up to the limit and refuses longer ones', () => {
    const ok = contactAt(AT, 'c', { notes: 'n'.repeat(MAX_NOTE_LENGTH) });
    expect(HistoryRecord.safeParse(ok).success).toBe(true);
    const long = contactAt(AT, 'c', { notes: 'n'.repeat(MAX_NOTE_LENGTH + 1) });
    expect(HistoryRecord.safeParse(long).success).toBe(false);
  });

  it('refuses unknown types, channels and outcomes', () => {
    expect(HistoryRecord.safeParse({ ...statusAt(AT), type: 'chat' }).success).toBe(false);
    expect(HistoryRecord.safeParse({ ...contactAt(AT, 'c'), channel: 'chat' }).success).toBe(false);
    expect(HistoryRecord.safeParse({ ...contactAt(AT, 'c'), outcome: 'ok' }).success).toBe(false);
    expect(HistoryRecord.safeParse(statusAt(-1)).success).toBe(false);
  });

  it('stamps each line with v: 1 and reads it back without the stamp', () => {
    const record = statusAt(AT);
    const line = encodeLine(record);
    expect(JSON.parse(line)).toEqual({ v: 1, ...record });
    expect(line.endsWith('\n')).toBe(true);
    expect(decodeLine(line.slice(0, -1))).toEqual({ kind: 'record', record });
  });

  it('tells a line of another version or shape from one that is not JSON', () => {
    const v2 = JSON.stringify({ ...statusAt(AT), v: 2 });
    const unversioned = JSON.stringify(statusAt(AT));
    expect(decodeLine(v2)).toEqual({ kind: 'invalid' });
    expect(decodeLine(unversioned)).toEqual({ kind: 'invalid' });
    expect(decodeLine('{"v":1,"type":"sta')).toEqual({ kind: 'garbage' });
    expect(decodeLine('')).toEqual({ kind: 'garbage' });
  });

  it('drops keys it does not know, so a newer v1 writer stays readable', () => {
    const line = JSON.stringify({ v: 1, ...statusAt(AT), mood: 'good' });
    expect(decodeLine(line)).toEqual({ kind: 'record', record: statusAt(AT) });
  });

  it('keeps the callback, voicemail and transfer fields in a v1 line', () => {
    const record = contactAt(AT, 'c', {
      callback: true,
      voicemail: true,
      transferredTo: 'Billing',
    });
    const line = encodeLine(record);
    expect(JSON.parse(line)).toMatchObject({ v: 1, callback: true, transferredTo: 'Billing' });
    expect(decodeLine(line.slice(0, -1))).toEqual({ kind: 'record', record });
    const long = contactAt(AT, 'c', { transferredTo: 't'.repeat(257) });
    expect(HistoryRecord.safeParse(long).success).toBe(false);
  });

  it('reads a contact line written before end codes, and one with its end code', () => {
    const before = JSON.stringify({ v: 1, ...contactAt(AT, 'old', { endReason: 'Agent ended' }) });
    expect(decodeLine(before)).toEqual({
      kind: 'record',
      record: contactAt(AT, 'old', { endReason: 'Agent ended' }),
    });
    const coded = contactAt(AT, 'new', { endCode: 'busy', endReason: '486 Busy Here' });
    expect(decodeLine(encodeLine(coded).slice(0, -1))).toEqual({ kind: 'record', record: coded });
    // A code from a newer version reads as it was written; only a word is a code.
    expect(HistoryRecord.safeParse(contactAt(AT, 'c', { endCode: 'parked' })).success).toBe(true);
    expect(HistoryRecord.safeParse(contactAt(AT, 'c', { endCode: 'no answer' })).success).toBe(
      false,
    );
  });
});
