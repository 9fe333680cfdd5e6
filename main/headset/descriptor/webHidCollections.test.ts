import { describe, expect, it } from 'vitest';
import { descriptorBytes, FIXTURES, type FixtureName } from '../fixtures.testkit';
import { telephonyMap } from '../telephonyMap';
import { parseReportDescriptor } from './parseReportDescriptor';
import { usageOf } from './reportFields';
import { parsedFromWebHid, WebHidCollection } from './webHidCollections';
import { webHidCollectionsOf } from './webHidCollections.testkit';

describe('the WebHID source (Windows, macOS)', () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])(
    '%s: gives the same telephony map as the descriptor bytes',
    (name) => {
      const parsed = parseReportDescriptor(descriptorBytes(name));
      const collections = webHidCollectionsOf(parsed).map((c) => WebHidCollection.parse(c));
      expect(telephonyMap(parsedFromWebHid(collections))).toEqual(telephonyMap(parsed));
    },
  );

  it('sums bit offsets per report id across items and expands a usage range', () => {
    const item = {
      isAbsolute: true,
      isArray: false,
      isConstant: false,
      isRange: false,
      hasPreferredState: false,
      usages: [usageOf(0x0b, 0x20)],
      reportSize: 1,
      reportCount: 1,
      logicalMinimum: 0,
      logicalMaximum: 1,
    };
    const parsed = parsedFromWebHid([
      {
        usagePage: 0x0b,
        usage: 0x05,
        type: 1,
        children: [],
        inputReports: [
          {
            reportId: 2,
            items: [
              { ...item, reportCount: 3 },
              {
                ...item,
                isArray: true,
                isRange: true,
                usages: [],
                usageMinimum: 0xb00b0,
                usageMaximum: 0xb00b2,
                reportSize: 4,
              },
            ],
          },
        ],
        outputReports: [],
        featureReports: [],
      },
    ]);
    expect(parsed.fields.map((field) => [field.bitOffset, field.usages.length])).toEqual([
      [0, 1],
      [3, 3],
    ]);
    expect(parsed.fields[0]?.flags).toEqual({
      constant: false,
      variable: true,
      relative: false,
      noPreferredState: true,
    });
  });

  it('refuses collections from a renderer that do not have WebHID shape', () => {
    const result = WebHidCollection.safeParse({ usagePage: 0x0b, usage: 5, children: 'none' });
    expect(result.success).toBe(false);
  });
});

const BIT = {
  isAbsolute: true,
  isArray: false,
  isConstant: false,
  isRange: false,
  hasPreferredState: true,
  usages: [usageOf(0x0b, 0x20)],
  reportSize: 1,
  reportCount: 1,
  logicalMinimum: 0,
  logicalMaximum: 1,
};
type Item = typeof BIT & { usageMinimum?: number; usageMaximum?: number };

function collection(usage: number, items: Item[], children: WebHidCollection[] = []) {
  return {
    usagePage: 0x0b,
    usage,
    type: 1,
    children,
    inputReports: items.length > 0 ? [{ reportId: 1, items }] : [],
    outputReports: [],
    featureReports: [],
  };
}

/** The usages WebHID's range item gives, read through parsedFromWebHid. */
function rangeUsages(usageMinimum: number, usageMaximum: number): number[] | undefined {
  const item = { ...BIT, isArray: true, isRange: true, usages: [], usageMinimum, usageMaximum };
  return parsedFromWebHid([collection(0x05, [item])]).fields[0]?.usages;
}

describe('the WebHID source: usage ranges and collections', () => {
  it('expands a usage range into each usage from its minimum to its maximum', () => {
    expect(rangeUsages(0xb00b0, 0xb00b2)).toEqual([0xb00b0, 0xb00b1, 0xb00b2]);
  });

  it('reads a range whose ends are the same usage as that one usage', () => {
    expect(rangeUsages(0xb0020, 0xb0020)).toEqual([0xb0020]);
  });

  it('reads a range whose maximum is below its minimum as no usage', () => {
    expect(rangeUsages(0xb00b2, 0xb00b0)).toEqual([]);
  });

  it('reads a range of a whole page or more as no usage, as the byte parser refuses it', () => {
    expect(rangeUsages(0xb0000, 0xc0000)).toEqual([]);
    expect(rangeUsages(0xb0000, 0xc0001)).toEqual([]);
    expect(rangeUsages(0xb0000, 0xbffff)).toHaveLength(0x10000);
  });

  it('puts each field under its top collection with the nested collections around it', () => {
    const nested = collection(0x06, [{ ...BIT, usages: [usageOf(0x0b, 0x2f)] }]);
    const parsed = parsedFromWebHid([collection(0x05, [BIT], [nested]), collection(0x01, [])]);
    expect(parsed.topCollections.map((top) => [top.usage, top.fields.length])).toEqual([
      [usageOf(0x0b, 0x05), 2],
      [usageOf(0x0b, 0x01), 0],
    ]);
    expect(parsed.fields.map((field) => [field.bitOffset, field.collections])).toEqual([
      [0, [usageOf(0x0b, 0x05)]],
      [1, [usageOf(0x0b, 0x05), usageOf(0x0b, 0x06)]],
    ]);
  });
});
