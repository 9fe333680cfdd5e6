import { describe, expect, it } from 'vitest';
import { parseReportDescriptor } from './parseReportDescriptor';
import { usageOf } from './reportFields';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('parseReportDescriptor', () => {
  it('places fields of each report type and id at their own bit offsets', () => {
    const parsed = parseReportDescriptor(
      // Headset app collection; report 2: 1-bit input, 7-bit pad; 3-bit output; report 3 input.
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x85,
        0x02,
        0x75,
        0x01,
        0x95,
        0x01,
        0x09,
        0x20,
        0x81,
        0x22,
        0x75,
        0x07,
        0x81,
        0x01,
        0x75,
        0x03,
        0x09,
        0x2f,
        0x91,
        0x02,
        0x85,
        0x03,
        0x75,
        0x01,
        0x09,
        0x21,
        0x81,
        0x06,
        0xc0,
      ),
    );
    expect(parsed.fields.map((f) => [f.type, f.reportId, f.bitOffset, f.bitSize, f.count])).toEqual(
      [
        ['input', 2, 0, 1, 1],
        ['input', 2, 1, 7, 1],
        ['output', 2, 0, 3, 1],
        ['input', 3, 0, 1, 1],
      ],
    );
    expect(parsed.fields[0]?.flags).toEqual({
      constant: false,
      variable: true,
      relative: false,
      noPreferredState: true,
    });
    expect(parsed.fields[1]?.flags.constant).toBe(true);
    expect(parsed.fields[3]?.flags.relative).toBe(true);
  });

  it('restores the global state on Pop, including the usage page and report size', () => {
    const parsed = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x75,
        0x01,
        0x95,
        0x01,
        0xa4,
        0x05,
        0x08,
        0x75,
        0x04,
        0x09,
        0x09,
        0x91,
        0x02,
        0xb4,
        0x09,
        0x20,
        0x81,
        0x02,
        0xc0,
      ),
    );
    expect(parsed.fields[0]).toMatchObject({ bitSize: 4, usages: [usageOf(0x08, 0x09)] });
    expect(parsed.fields[1]).toMatchObject({ bitSize: 1, usages: [usageOf(0x0b, 0x20)] });
  });

  it('gives trailing usages the page set after them inside the same main item', () => {
    // Usage 0x07 (declared on Telephony), Usage Page Button, Input: the Jabra's keypad button.
    const trailing = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x75,
        0x01,
        0x95,
        0x01,
        0x09,
        0x07,
        0x05,
        0x09,
        0x81,
        0x02,
        0xc0,
      ),
    );
    expect(trailing.fields[0]?.usages).toEqual([usageOf(0x09, 0x07)]);
    // With a usage on the new page after it, the earlier one keeps the page it was declared on.
    const mixed = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x75,
        0x01,
        0x95,
        0x02,
        0x09,
        0x07,
        0x05,
        0x09,
        0x09,
        0x01,
        0x81,
        0x02,
        0xc0,
      ),
    );
    expect(mixed.fields[0]?.usages).toEqual([usageOf(0x0b, 0x07), usageOf(0x09, 0x01)]);
  });

  it('keeps a 4-byte usage on its own page whatever page is in force', () => {
    const parsed = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x75,
        0x01,
        0x95,
        0x01,
        0x0b,
        0x09,
        0x00,
        0x08,
        0x00,
        0x91,
        0x02,
        0xc0,
      ),
    );
    expect(parsed.fields[0]?.usages).toEqual([usageOf(0x08, 0x09)]);
  });

  it('expands a usage range after the listed usages', () => {
    const parsed = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x75,
        0x04,
        0x95,
        0x01,
        0x19,
        0xb0,
        0x29,
        0xb3,
        0x81,
        0x00,
        0xc0,
      ),
    );
    expect(parsed.fields[0]?.usages).toEqual(
      [0xb0, 0xb1, 0xb2, 0xb3].map((id) => usageOf(0x0b, id)),
    );
    expect(parsed.fields[0]?.flags.variable).toBe(false);
  });

  it('records the nested collections around a field, outermost first, under its top collection', () => {
    const parsed = parseReportDescriptor(
      bytes(
        0x05,
        0x0b,
        0x09,
        0x05,
        0xa1,
        0x01,
        0x09,
        0x06,
        0xa1,
        0x02,
        0x75,
        0x01,
        0x95,
        0x01,
        0x09,
        0xb0,
        0x81,
        0x02,
        0xc0,
        0xc0,
        0x05,
        0x0c,
        0x09,
        0x01,
        0xa1,
        0x01,
        0xc0,
      ),
    );
    expect(parsed.fields[0]?.collections).toEqual([usageOf(0x0b, 0x05), usageOf(0x0b, 0x06)]);
    expect(parsed.topCollections.map((top) => [top.usage, top.fields.length])).toEqual([
      [usageOf(0x0b, 0x05), 1],
      [usageOf(0x0c, 0x01), 0],
    ]);
  });

  it('reads a logical maximum of 0xFF after a minimum of 0 as 255, and -1 after -1 as -1', () => {
    const parsed = parseReportDescriptor(
      bytes(
        0xa1,
        0x01,
        0x15,
        0x00,
        0x25,
        0xff,
        0x75,
        0x08,
        0x95,
        0x01,
        0x81,
        0x02,
        0x15,
        0xff,
        0x25,
        0x01,
        0x81,
        0x06,
        0xc0,
      ),
    );
    expect(parsed.fields.map((f) => [f.logicalMin, f.logicalMax])).toEqual([
      [0, 255],
      [-1, 1],
    ]);
  });

  it.each([
    ['a Pop without a Push', bytes(0xb4), /Pop without Push/],
    ['an End Collection without a Collection', bytes(0xc0), /End Collection without a Collection/],
    ['a collection never closed', bytes(0xa1, 0x01), /collection never closed/],
    ['report id 0', bytes(0x85, 0x00), /report id must be 1 to 255/],
    ['a usage range with one end', bytes(0x19, 0x01, 0x81, 0x02), /usage range without both ends/],
    ['a usage range backwards', bytes(0x19, 0x05, 0x29, 0x01, 0x81, 0x02), /out of order/],
    ['an unknown main item', bytes(0xd1, 0x00), /unknown main item tag 0xd/],
  ])('refuses %s with a message naming it', (_name, descriptor, message) => {
    expect(() => parseReportDescriptor(descriptor)).toThrow(message);
  });
});

describe('parseReportDescriptor edge cases', () => {
  it('accepts a one-usage range and report id 255', () => {
    const parsed = parseReportDescriptor(
      bytes(0x05, 0x0b, 0x85, 0xff, 0x75, 0x01, 0x95, 0x01, 0x19, 0x20, 0x29, 0x20, 0x81, 0x02),
    );
    expect(parsed.fields[0]).toMatchObject({ reportId: 255, usages: [usageOf(0x0b, 0x20)] });
  });

  it.each([
    [
      'a usage range whose ends are on two pages',
      bytes(0x05, 0x0b, 0x19, 0x20, 0x2b, 0x21, 0, 0x08, 0, 0x81, 0x02),
      /across usage pages/,
    ],
    [
      'a usage range with only its maximum',
      bytes(0x29, 0x05, 0x81, 0x02),
      /usage range without both ends/,
    ],
    ['report id 256', bytes(0x86, 0x00, 0x01), /report id must be 1 to 255/],
  ])('refuses %s', (_name, descriptor, message) => {
    expect(() => parseReportDescriptor(descriptor)).toThrow(message);
  });

  it('reads a negative logical maximum after a negative minimum as negative', () => {
    const parsed = parseReportDescriptor(
      bytes(0x15, 0xf6, 0x25, 0xff, 0x75, 0x08, 0x95, 0x01, 0x81, 0x02),
    );
    expect([parsed.fields[0]?.logicalMin, parsed.fields[0]?.logicalMax]).toEqual([-10, -1]);
  });

  it('takes a Designator Index for no usage', () => {
    const parsed = parseReportDescriptor(
      bytes(0x05, 0x0b, 0x09, 0x20, 0x39, 0x05, 0x75, 0x01, 0x95, 0x01, 0x81, 0x02),
    );
    expect(parsed.fields[0]?.usages).toEqual([usageOf(0x0b, 0x20)]);
  });

  it('puts a field outside every collection in no top collection', () => {
    const parsed = parseReportDescriptor(
      bytes(0x75, 0x01, 0x95, 0x01, 0x81, 0x02, 0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01, 0xc0),
    );
    expect(parsed.fields).toHaveLength(1);
    expect(parsed.topCollections).toEqual([{ usage: usageOf(0x0b, 0x05), fields: [] }]);
  });
});

describe('parseReportDescriptor: defaults, refusals and what is not a field', () => {
  it('starts from report 0, page 0 and logical limits of 0 when the descriptor sets none', () => {
    const parsed = parseReportDescriptor(bytes(0x09, 0x20, 0x75, 0x01, 0x95, 0x01, 0x81, 0x02));
    expect(parsed.fields).toEqual([
      {
        type: 'input',
        reportId: 0,
        bitOffset: 0,
        bitSize: 1,
        count: 1,
        flags: { constant: false, variable: true, relative: false, noPreferredState: false },
        logicalMin: 0,
        logicalMax: 0,
        usages: [usageOf(0, 0x20)],
        collections: [],
      },
    ]);
  });

  it('moves a short usage before a 4-byte one to the page set after it, as the kernel does', () => {
    // LED page, Usage Mute (short); Telephony page; Usage 0x000B0020 (4-byte); Input.
    const parsed = parseReportDescriptor(
      bytes(
        0x05,
        0x08,
        0x09,
        0x09,
        0x05,
        0x0b,
        0x0b,
        0x20,
        0,
        0x0b,
        0,
        0x75,
        0x01,
        0x95,
        0x02,
        0x81,
        0x02,
      ),
    );
    expect(parsed.fields[0]?.usages).toEqual([usageOf(0x0b, 0x09), usageOf(0x0b, 0x20)]);
  });

  it.each([
    [
      'a usage range across two adjacent pages, however short',
      bytes(0x1b, 0xff, 0xff, 0x08, 0, 0x2b, 0x01, 0, 0x09, 0, 0x81, 0x02),
      /across usage pages/,
    ],
    [
      'a usage range whose maximum is below its minimum',
      bytes(0x05, 0x0b, 0x19, 0x21, 0x29, 0x20, 0x81, 0x02),
      /out of order or too long/,
    ],
  ])('refuses %s', (_name, descriptor, message) => {
    expect(() => parseReportDescriptor(descriptor)).toThrow(message);
  });

  it('reads a maximum below a negative minimum as signed, as the kernel reads it', () => {
    const parsed = parseReportDescriptor(
      bytes(0x15, 0xff, 0x25, 0xfe, 0x75, 0x08, 0x95, 0x01, 0x81, 0x02),
    );
    expect([parsed.fields[0]?.logicalMin, parsed.fields[0]?.logicalMax]).toEqual([-1, -2]);
  });

  it('makes no field of a reserved-type item that carries an Input tag', () => {
    const parsed = parseReportDescriptor(bytes(0x75, 0x01, 0x95, 0x01, 0x8d, 0x02));
    expect(parsed.fields).toEqual([]);
  });

  it('leaves a field after the last collection closed out of that collection', () => {
    const parsed = parseReportDescriptor(
      bytes(0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01, 0xc0, 0x75, 0x01, 0x95, 0x01, 0x81, 0x02),
    );
    expect(parsed.fields).toHaveLength(1);
    expect(parsed.topCollections).toEqual([{ usage: usageOf(0x0b, 0x05), fields: [] }]);
  });
});
