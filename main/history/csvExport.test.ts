import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvRow, historyCsv } from './csvExport';
import { contactAt, statusAt } from './historyRecords.testkit';

const OFFSET = 120;
const AT = Date.UTC(2025, 5, 11, 7, 30); // 09:30 in UTC+2

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** A strict RFC 4180 reader, to check that what was written reads back as it was meant. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i += 1) {
    const char = input[i];
    const next = input[i + 1];
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      i += 1;
    } else if (quoted && char === '"') {
      quoted = false;
    } else if (quoted) {
      cell += char;
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && next === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else if (char === '\r' || char === '\n' || char === '"') {
      throw new Error(`bare ${JSON.stringify(char)} at ${i}`);
    } else {
      cell += char;
    }
  }
  if (row.length > 0 || cell !== '') throw new Error('missing final CRLF');
  return rows;
}

describe('csvCell', () => {
  it('quotes cells with quotes, commas and line breaks, doubling quotes', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(235000)).toBe('235000');
  });

  it.each(['=', '+', '-', '@', '\t', '\r'])('neutralises a cell starting with %j', (start) => {
    const cell = csvCell(`${start}1+1`);
    expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
  });

  it('neutralises a formula before quoting it', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""Click"")"`,
    );
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('leaves text that only contains those characters later alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('user@example.com')).toBe('user@example.com');
    expect(csvCell(' =1')).toBe(' =1');
  });
});

describe('csv export', () => {
  const status = statusAt(AT, 'break', 'Break');
  const contact = contactAt(AT + 60_000, 'c-1', {
    peer: { number: '+15551234567', displayName: '@SUM(1+1)*cmd|" /C calc"!A0' },
    queue: 'Sales, EMEA',
    connectedAt: AT,
    endedAt: AT + 45_000,
    handleMs: 45_000,
    acwMs: 15_000,
    notes: 'Asked for "premium"\r\n=2+5, then, hung up\nbye',
    wrapUpCode: '-refund',
    followUp: { note: 'call back', dueAt: Date.UTC(2025, 5, 12, 8) },
    callback: true,
    transferredTo: '=HYPERLINK("http://evil.example")',
    endCode: 'transferred',
  });

  it('writes one status row with the status columns filled', () => {
    const row = csvRow(status, { utcOffsetMinutes: OFFSET });
    expect(row).toBe(
      `status,2025-06-11T09:30:00.000+02:00,break,Break${','.repeat(CSV_COLUMNS.length - 4)}\r\n`,
    );
  });

  it('exports status and contact rows that read back exactly, formulas defused', async () => {
    const csv = await text(historyCsv([status, contact], { utcOffsetMinutes: OFFSET }));

    expect(csv.startsWith('\uFEFFtype,at,statusId,')).toBe(true);
    const [header, statusRow, contactRow, ...rest] = parseCsv(csv.slice(1));
    expect(rest).toEqual([]);
    expect(header).toEqual(CSV_COLUMNS);
    expect(statusRow).toHaveLength(CSV_COLUMNS.length);
    const cells = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, contactRow?.[i]]));
    expect(cells).toMatchObject({
      type: 'contact',
      at: '2025-06-11T09:31:00.000+02:00',
      statusId: '',
      contactId: 'c-1',
      peerNumber: "'+15551234567",
      peerName: `'@SUM(1+1)*cmd|" /C calc"!A0`,
      queue: 'Sales, EMEA',
      outcome: 'handled',
      offeredAt: '',
      connectedAt: '2025-06-11T09:30:00.000+02:00',
      endedAt: '2025-06-11T09:30:45.000+02:00',
      handleMs: '45000',
      acwMs: '15000',
      wrapUpCode: "'-refund",
      notes: 'Asked for "premium"\r\n=2+5, then, hung up\nbye',
      followUpNote: 'call back',
      followUpDueAt: '2025-06-12T10:00:00.000+02:00',
      callback: 'true',
      voicemail: '',
      transferredTo: `'=HYPERLINK("http://evil.example")`,
      endCode: 'transferred',
    });
  });

  it('keeps the older columns in place and adds the new ones at the end', () => {
    expect(CSV_COLUMNS.slice(-7)).toEqual([
      'followUpDueAt',
      'callback',
      'voicemail',
      'transferredTo',
      'endCode',
      'conversationId',
      'transcript',
    ]);
  });

  it('can leave out the byte-order mark', async () => {
    const csv = await text(historyCsv([], { bom: false }));
    expect(csv).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('streams from an async source such as HistoryLog.readAll', async () => {
    async function* source() {
      yield status;
      yield status;
    }
    const csv = await text(historyCsv(source(), { utcOffsetMinutes: OFFSET, bom: false }));
    expect(csv.split('\r\n')).toHaveLength(4);
  });
});

describe('csv export of a chat', () => {
  it('writes the transcript in one cell, a line per message with its time and role', () => {
    const row = csvRow(
      {
        type: 'contact',
        at: Date.UTC(2026, 0, 5, 9),
        contactId: 'chat-1',
        channel: 'chat',
        direction: 'inbound',
        peer: { number: 'alice', displayName: 'Alice' },
        outcome: 'handled',
        conversationId: 'c1',
        transcript: [
          {
            role: 'customer',
            text: 'Hi, "order" late',
            at: Date.UTC(2026, 0, 5, 9),
            beforeAccept: true,
          },
          { role: 'agent', text: 'On it', at: Date.UTC(2026, 0, 5, 9, 1) },
        ],
      },
      { utcOffsetMinutes: 0 },
    );
    expect(row).toContain(
      '"2026-01-05T09:00:00.000Z customer: Hi, ""order"" late\n2026-01-05T09:01:00.000Z agent: On it"',
    );
  });
});
