/**
 * The agent's recent contacts (D4): the calls in the contact history, newest first, searched
 * in main (the history can hold years of calls) and shown a page at a time.
 */
import { z } from 'zod';
import { Id, RemoteText } from './primitives';

/** At most this many rows per answer: a list the agent scans, not an export. */
export const MAX_RECENT_CONTACTS = 100;

export const RecentContactOutcome = z.enum([
  'handled',
  'missed',
  'rejected',
  'abandoned',
  'failed',
]);
export type RecentContactOutcome = z.infer<typeof RecentContactOutcome>;

/** One finished call as the list shows it. */
export const RecentContact = z.object({
  contactId: Id,
  /** When it was offered or placed (epoch ms). */
  at: z.number().int().nonnegative(),
  direction: z.enum(['inbound', 'outbound']),
  outcome: RecentContactOutcome,
  /** What to dial back: the number or SIP user as the call had it. */
  number: RemoteText,
  displayName: RemoteText,
  queue: RemoteText.optional(),
  /** Talk and hold time, when it connected. */
  handleMs: z.number().int().nonnegative().optional(),
});
export type RecentContact = z.infer<typeof RecentContact>;

/** A search: words matched against number, name and queue (all must match); '' lists all. */
export const RecentContactsRequest = z.object({
  query: z.string().max(128),
  limit: z.number().int().min(1).max(MAX_RECENT_CONTACTS),
});
export type RecentContactsRequest = z.infer<typeof RecentContactsRequest>;

export const RecentContactsResult = z.object({
  entries: z.array(RecentContact).max(MAX_RECENT_CONTACTS),
  /** How many calls match in all (the list shows the newest `limit`). */
  total: z.number().int().nonnegative(),
});
export type RecentContactsResult = z.infer<typeof RecentContactsResult>;
