/**
 * The agent's recent calls (D4), in memory: fed once from the history file at open, then by
 * every append, so the list and its search never re-read a file that grows for years.
 *
 * Each call keeps one small entry and one lower-case search text (name, queue, number, and
 * the number's digits alone, so "7183 8750" finds "+44 20 7183 8750"). A search walks the
 * entries newest first and stops collecting at `limit`, counting the rest: with the 10,000
 * calls the bench keeps that is one pass over short strings, well under a millisecond
 * (bench row `recentContactsSearchUs`). The oldest entries beyond MAX_ENTRIES are dropped:
 * the list is for calling people back, the CSV export still has everything.
 */
import type {
  RecentContact,
  RecentContactsRequest,
  RecentContactsResult,
} from '../../common/contract';
import type { HistoryRecord } from './HistoryRecord';

/** Calls kept in memory; a busy agent's year is about this many. */
export const MAX_ENTRIES = 20_000;

interface Entry {
  contact: RecentContact;
  /** Lower-case text a query word must be found in. */
  text: string;
}

export class RecentContactIndex {
  /** Oldest first, as appended; searched from the end. */
  private entries: Entry[] = [];
  private added = 0;

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** Counts every call added: the UI reloads its list when this changes. */
  get revision(): number {
    return this.added;
  }

  get size(): number {
    return this.entries.length;
  }

  /** A history record, in the order the file has it; only calls are kept. */
  add(record: HistoryRecord): void {
    if (record.type !== 'contact' || record.channel !== 'voice') return;
    const contact: RecentContact = {
      contactId: record.contactId,
      at: record.offeredAt ?? record.at,
      direction: record.direction,
      outcome: record.outcome,
      number: record.peer.number,
      displayName: record.peer.displayName,
      ...(record.queue ? { queue: record.queue } : {}),
      ...(record.handleMs !== undefined ? { handleMs: record.handleMs } : {}),
    };
    this.entries.push({ contact, text: searchText(contact) });
    this.added += 1;
    // Dropped in one slice once a tenth over, not one shift per call.
    if (this.entries.length > this.maxEntries + Math.ceil(this.maxEntries / 10)) {
      this.entries = this.entries.slice(this.entries.length - this.maxEntries);
    }
  }

  /** The newest `limit` calls whose text holds every word of the query, and how many match. */
  search({ query, limit }: RecentContactsRequest): RecentContactsResult {
    const words = queryWords(query);
    const found: RecentContact[] = [];
    let total = 0;
    const first = Math.max(0, this.entries.length - this.maxEntries);
    for (let i = this.entries.length - 1; i >= first; i -= 1) {
      const entry = this.entries[i] as Entry;
      if (!words.every((word) => entry.text.includes(word))) continue;
      total += 1;
      if (found.length < limit) found.push(entry.contact);
    }
    return { entries: found, total };
  }
}

/** Name, queue and number as typed, then the number's digits alone. */
function searchText(contact: RecentContact): string {
  const digits = contact.number.replace(/\D/g, '');
  return normalize(`${contact.displayName} ${contact.queue ?? ''} ${contact.number} ${digits}`);
}

/**
 * The query's words, normalised like the text. A word that looks like part of a phone number
 * ("(020)", "7183-8750", "+44") is matched by its digits, however the number was written.
 */
export function queryWords(query: string): string[] {
  return normalize(query)
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => (/^[+\d().-]+$/.test(word) && /\d/.test(word) ? word.replace(/\D/g, '') : word));
}

/** Compatibility forms folded (full-width digits, ligatures) and case ignored. */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
