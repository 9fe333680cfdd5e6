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
