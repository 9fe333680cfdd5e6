/**
 * CSV export of status events and contacts (H1).
 *
 * One CSV with a `type` column ("status" or "contact") rather than two files: the agent sends
 * one attachment, rows stay in the order things happened, and a spreadsheet filter on `type`
 * separates them. Columns that do not apply to a row are empty.
 *
 * - RFC 4180: CRLF line ends; a cell with a quote, comma, CR or LF is quoted, quotes doubled.
 * - Times in ISO-8601 with the offset (localDay.isoTime), local time unless a fixed offset is
 *   given; durations in milliseconds.
 * - UTF-8 with a byte-order mark by default: without it Excel reads the file in the legacy code
 *   page and garbles Chinese, Japanese and accented names.
 * - Formula injection: caller names and notes are untrusted, and a spreadsheet runs a cell such
 *   as `=HYPERLINK(...)` or `+cmd|...`. Every cell starting with = + - @ tab or CR gets a leading
 *   single quote. This applies to E.164 numbers too ('+4420...): readable, and safe whatever the
 *   far end put in its From header.
 */
import type { ChatContactRecord, HistoryRecord } from './HistoryRecord';
import { isoTime, type DayOptions } from './localDay';

export interface CsvOptions extends DayOptions {
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

type Cell = string | number | undefined;

const COLUMNS = [
  'type',
  'at',
  'statusId',
  'statusLabel',
  'contactId',
  'channel',
  'direction',
  'peerNumber',
  'peerName',
  'queue',
  'outcome',
  'offeredAt',
  'connectedAt',
  'endedAt',
  'acwEndedAt',
  'handleMs',
  'acwMs',
  'endReason',
  'wrapUpCode',
  'notes',
  'followUpNote',
  'followUpDueAt',
  // Added later: at the end, so a spreadsheet built on the older columns keeps working.
  'callback',
  'voicemail',
  'transferredTo',
  'endCode',
  'conversationId',
  'transcript',
] as const;
type Column = (typeof COLUMNS)[number];

export const CSV_COLUMNS: readonly string[] = COLUMNS;

const BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell as it appears in the file: neutralised, then quoted if needed. */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return COLUMNS.join(',') + CRLF;
}

/** One record as one CSV row, CRLF included. */
export function csvRow(record: HistoryRecord, options: DayOptions = {}): string {
  const time = (at: number | undefined) => (at === undefined ? undefined : isoTime(at, options));
  const cells: Partial<Record<Column, Cell>> =
    record.type === 'status'
      ? {
          type: record.type,
          at: time(record.at),
          statusId: record.statusId,
          statusLabel: record.label,
        }
      : {
          type: record.type,
          at: time(record.at),
          contactId: record.contactId,
          channel: record.channel,
          direction: record.direction,
          peerNumber: record.peer.number,
          peerName: record.peer.displayName,
          queue: record.queue,
          outcome: record.outcome,
          offeredAt: time(record.offeredAt),
          connectedAt: time(record.connectedAt),
          endedAt: time(record.endedAt),
          acwEndedAt: time(record.acwEndedAt),
          handleMs: record.handleMs,
          acwMs: record.acwMs,
          endReason: record.endReason,
          wrapUpCode: record.wrapUpCode,
          notes: record.notes,
          followUpNote: record.followUp?.note,
          followUpDueAt: time(record.followUp?.dueAt),
          endCode: record.endCode,
          ...(record.channel === 'voice'
            ? {
                callback: flag(record.callback),
                voicemail: flag(record.voicemail),
                transferredTo: record.transferredTo,
              }
            : {
                conversationId: record.conversationId,
                transcript: transcriptCell(record.transcript),
              }),
        };
  return COLUMNS.map((column) => csvCell(cells[column])).join(',') + CRLF;
}

/** A chat's transcript in one cell: a line per message, "time role: text" (E3). */
function transcriptCell(lines: ChatContactRecord['transcript']): Cell {
  return lines
    .map((line) => `${new Date(line.at).toISOString()} ${line.role}: ${line.text}`)
    .join('\n');
}

/** A yes/no column: "true" when set, empty otherwise, like every column that does not apply. */
function flag(value: boolean | undefined): Cell {
  return value ? 'true' : undefined;
}

/**
 * The whole CSV as a stream of chunks (header, then one row per record), for
 * `pipeline(Readable.from(historyCsv(log.readAll())), createWriteStream(file))`.
 */
export async function* historyCsv(
  records: AsyncIterable<HistoryRecord> | Iterable<HistoryRecord>,
  options: CsvOptions = {},
): AsyncGenerator<string> {
  yield (options.bom === false ? '' : BOM) + csvHeader();
  for await (const record of records) yield csvRow(record, options);
}
