/**
 * The drafts journal's file: `{"v":1,"savedAt":…,"contacts":[…]}`, read back as untrusted input
 * (a hand edit, a bad sector, a file from a newer version), checked with the same schema that
 * bounds every field of a contact.
 */
import { z } from 'zod';
import { ContactDraft } from '../desk/contacts/contactDraft';

export const DRAFT_JOURNAL_VERSION = 1;

const JournalFile = z.object({
  v: z.literal(DRAFT_JOURNAL_VERSION),
  /** When this set was written: the last moment the app is known to have been on it. */
  savedAt: z.number().int().min(0),
  contacts: z.array(ContactDraft).max(16),
});

export interface LeftBehind {
  savedAt: number;
  contacts: ContactDraft[];
}

export type DecodedJournal =
  | { kind: 'journal'; leftBehind: LeftBehind }
  /** `problem`: what was wrong, for the log (never shown to the agent as is). */
  | { kind: 'damaged'; problem: string };

export function encodeJournal(contacts: readonly ContactDraft[], savedAt: number): string {
  return `${JSON.stringify({ v: DRAFT_JOURNAL_VERSION, savedAt, contacts })}\n`;
}

export function decodeJournal(text: string): DecodedJournal {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', problem: `not JSON: ${String(error).slice(0, 200)}` };
  }
  const parsed = JournalFile.safeParse(json);
  if (!parsed.success) {
    return {
      kind: 'damaged',
      problem: `not a v1 journal: ${parsed.error.issues[0]?.message ?? ''}`,
    };
  }
  return {
    kind: 'journal',
    leftBehind: { savedAt: parsed.data.savedAt, contacts: parsed.data.contacts },
  };
}
