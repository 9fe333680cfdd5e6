import type { ContactDetails } from '../../../common/contract';

/**
 * The contact details form as the agent edits it: plain strings, as the inputs hold them.
 * `followUpDue` is a datetime-local value (local wall-clock time, no zone).
 */
export interface DetailsDraft {
  notes: string;
  /** '' while no code is chosen. */
  wrapUpCode: string;
  followUpNote: string;
  followUpDue: string;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** Epoch ms as a datetime-local input value in the agent's time zone, to the minute. */
export function toDateTimeLocal(epochMs: number): string {
  const date = new Date(epochMs);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}

const DATE_TIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A datetime-local value as epoch ms (read in the agent's time zone); undefined if not one. */
export function fromDateTimeLocal(value: string): number | undefined {
  const match = DATE_TIME_LOCAL.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = new Date(year!, month! - 1, day!, hours!, minutes!, seconds!);
  // new Date() rolls 2025-02-30 over to March: a date that does not exist is no date.
  if (date.getMonth() !== month! - 1 || date.getDate() !== day!) return undefined;
  const epochMs = date.getTime();
  return Number.isNaN(epochMs) || epochMs < 0 ? undefined : epochMs;
}

export function draftFromDetails(details: ContactDetails): DetailsDraft {
  return {
    notes: details.notes,
    wrapUpCode: details.wrapUpCode ?? '',
    followUpNote: details.followUp?.note ?? '',
    followUpDue: details.followUp ? toDateTimeLocal(details.followUp.dueAt) : '',
  };
}

/**
 * What is saved: a follow-up task needs its due time (the history sorts tasks by it), so a
 * note without a valid time is kept in the form but not sent until the time is set.
 */
export function detailsFromDraft(draft: DetailsDraft): ContactDetails {
  const details: ContactDetails = { notes: draft.notes };
  if (draft.wrapUpCode !== '') details.wrapUpCode = draft.wrapUpCode;
  const dueAt = fromDateTimeLocal(draft.followUpDue);
  if (dueAt !== undefined) details.followUp = { note: draft.followUpNote, dueAt };
  return details;
}

/** The agent wrote a follow-up task but its due time is missing or not a real date. */
export function followUpNeedsDueTime(draft: DetailsDraft): boolean {
  return draft.followUpNote.trim() !== '' && fromDateTimeLocal(draft.followUpDue) === undefined;
}
