import { describe, expect, it } from 'vitest';
import { ContactOutcome, HistoryRecord, MAX_NOTE_LENGTH } from './HistoryRecord';
import { decodeLine, encodeLine } from './lineCodec';
import { chatAt, contactAt, statusAt } from './historyRecords.testkit';

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

  it('refuses a voice or a chat line of another version, or with no version, as it does a status line', () => {
    for (const record of [contactAt(AT, 'c'), chatAt(AT, 'chat-v')]) {
      const { v: _stamp, ...unversioned } = JSON.parse(encodeLine(record)) as { v: number };
      expect(decodeLine(JSON.stringify({ ...unversioned, v: 2 })), record.channel).toEqual({
        kind: 'invalid',
      });
      expect(decodeLine(JSON.stringify(unversioned)), record.channel).toEqual({ kind: 'invalid' });
      expect(decodeLine(JSON.stringify({ ...unversioned, v: 1 })), record.channel).toEqual({
        kind: 'record',
        record,
      });
    }
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

  /** A record written and read back through a line, as the history file holds it. */
  const roundTrip = (record: HistoryRecord) => decodeLine(encodeLine(record).slice(0, -1));

  it('reads back a voice contact line of each of the five outcomes', () => {
    const outcomes = ['handled', 'missed', 'rejected', 'abandoned', 'failed'] as const;
    expect(ContactOutcome.options).toEqual(outcomes);
    for (const outcome of outcomes) {
      const record = contactAt(AT, `c-${outcome}`, { outcome });
      expect(roundTrip(record), outcome).toEqual({ kind: 'record', record });
    }
  });

  it('reads back a chat line with a transcript line of each role, and refuses an unknown role', () => {
    const roles = ['customer', 'bot', 'otherAgent', 'agent'] as const;
    const record = chatAt(AT, 'chat-1', {
      transcript: roles.map((role, index) => ({
        role,
        text: `line ${index}`,
        at: AT + index,
        ...(role === 'bot' ? { beforeAccept: true } : {}),
      })),
    });
    expect(roundTrip(record)).toEqual({ kind: 'record', record });
    const supervisor = chatAt(AT, 'chat-2', { transcript: [{ role: 'agent', text: 'x', at: AT }] });
    const line = JSON.parse(encodeLine(supervisor)) as { transcript: { role: string }[] };
    line.transcript[0]!.role = 'supervisor';
    expect(decodeLine(JSON.stringify(line))).toEqual({ kind: 'invalid' });
  });

  it('reads back an outbound call line with its follow-up, and refuses a follow-up without its due time', () => {
    const followUp = { note: 'call back about the refund', dueAt: AT + 86_400_000 };
    const record = contactAt(AT, 'out-1', { direction: 'outbound', followUp });
    expect(roundTrip(record)).toEqual({ kind: 'record', record });
    const undated = { v: 1, ...record, followUp: { note: followUp.note } };
    expect(decodeLine(JSON.stringify(undated))).toEqual({ kind: 'invalid' });
  });

  it('refuses a chat line without its conversation id, and a voice line carrying one keeps none', () => {
    const { conversationId: _dropped, ...noConversation } = chatAt(AT, 'chat-3');
    expect(decodeLine(JSON.stringify({ v: 1, ...noConversation }))).toEqual({ kind: 'invalid' });
    const voice = contactAt(AT, 'c');
    expect(decodeLine(JSON.stringify({ v: 1, ...voice, conversationId: 'x' }))).toEqual({
      kind: 'record',
      record: voice,
    });
  });

  it('refuses a status line or a contact line missing any required field', () => {
    const status = statusAt(AT);
    for (const key of ['at', 'statusId', 'label'] as const) {
      const { [key]: _missing, ...rest } = status;
      expect(decodeLine(JSON.stringify({ v: 1, ...rest })), `status without ${key}`).toEqual({
        kind: 'invalid',
      });
    }
    const contact = contactAt(AT, 'c');
    for (const key of ['at', 'contactId', 'direction', 'peer', 'outcome'] as const) {
      const { [key]: _missing, ...rest } = contact;
      expect(decodeLine(JSON.stringify({ v: 1, ...rest })), `contact without ${key}`).toEqual({
        kind: 'invalid',
      });
    }
  });
});
