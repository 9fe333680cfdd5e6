import { describe, expect, it } from 'vitest';
import { ContactDetails } from '../../../common/contract';
import {
  detailsFromDraft,
  draftFromDetails,
  followUpNeedsDueTime,
  fromDateTimeLocal,
  toDateTimeLocal,
} from './detailsDraft';

describe('datetime-local conversion', () => {
  it('reads the value in local time and writes it back unchanged', () => {
    const epochMs = fromDateTimeLocal('2031-07-04T15:30');
    expect(epochMs).toBe(new Date(2031, 6, 4, 15, 30).getTime());
    expect(toDateTimeLocal(epochMs!)).toBe('2031-07-04T15:30');
  });

  it('accepts seconds, which some browsers add', () => {
    expect(fromDateTimeLocal('2031-07-04T15:30:20')).toBe(
      new Date(2031, 6, 4, 15, 30, 20).getTime(),
    );
  });

  it('refuses empty, partial and impossible dates', () => {
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('2031-07-04')).toBeUndefined();
    expect(fromDateTimeLocal('2031-02-30T10:00')).toBeUndefined();
    expect(fromDateTimeLocal('tomorrow')).toBeUndefined();
  });

  it('pads months, days, hours and minutes', () => {
    expect(toDateTimeLocal(new Date(2030, 0, 2, 3, 4).getTime())).toBe('2030-01-02T03:04');
  });
});

describe('details draft', () => {
  const due = new Date(2031, 0, 15, 9, 0).getTime();

  it('round-trips complete details', () => {
    const details = {
      notes: 'Refund agreed',
      wrapUpCode: 'refund',
      followUp: { note: 'Check', dueAt: due },
    };
    expect(detailsFromDraft(draftFromDetails(details))).toEqual(details);
  });

  it('sends no wrap-up code while none is chosen', () => {
    const details = detailsFromDraft({
      notes: 'n',
      wrapUpCode: '',
      followUpNote: '',
      followUpDue: '',
    });
    expect(details).toEqual({ notes: 'n' });
    expect(ContactDetails.safeParse(details).success).toBe(true);
  });

  it('holds back a follow-up note until its due time is set, and says so', () => {
    const draft = { notes: '', wrapUpCode: '', followUpNote: 'Call back', followUpDue: '' };
    expect(detailsFromDraft(draft)).toEqual({ notes: '' });
    expect(followUpNeedsDueTime(draft)).toBe(true);
    const timed = { ...draft, followUpDue: toDateTimeLocal(due) };
    expect(detailsFromDraft(timed).followUp).toEqual({ note: 'Call back', dueAt: due });
    expect(followUpNeedsDueTime(timed)).toBe(false);
  });

  it('saves a due time without a note (the task is just "call back then")', () => {
    const draft = {
      notes: '',
      wrapUpCode: '',
      followUpNote: '',
      followUpDue: toDateTimeLocal(due),
    };
    expect(detailsFromDraft(draft).followUp).toEqual({ note: '', dueAt: due });
    expect(followUpNeedsDueTime(draft)).toBe(false);
  });
});
