/**
 * The descriptor source for Windows and macOS: Chromium's WebHID (`HIDDevice.collections` in a
 * renderer) gives the report items already parsed, grouped by collection, without the raw
 * bytes (node-hid gives neither there). This turns those collections into the same
 * ParsedDescriptor the byte parser gives, so the same telephony map is built from either
 * source (telephonyMap.test.ts proves it for every fixture).
 *
 * Chosen over reading the descriptor elsewhere because Electron ships WebHID on every OS with
 * the OS's own HID parser underneath (HidP_* on Windows, IOHIDDevice on macOS), and the
 * collections cross to main as plain data, checked here with zod (a trust boundary).
 *
 * WebHID gives no bit offsets: they are summed item by item within each report id. It also
 * lists a report's items per collection, not across them, so items of one report split
 * between a collection and its child are taken parent first; every telephony headset seen
 * puts its buttons and lights before any nested collection of the same report.
 */
import {
  WebHidCollection,
  WebHidReport,
  WebHidReportItem,
} from '../../../common/contract/hidProtocol';
import type { ParsedDescriptor } from './parseReportDescriptor';
import {
  usageOf,
  type ExtendedUsage,
  type ReportField,
  type ReportType,
  type TopCollection,
} from './reportFields';

// The shapes live in the HID contract (the page sends them); re-exported for the headset code.
export { WebHidCollection, WebHidReport, WebHidReportItem };

const REPORT_LISTS = [
  ['input', 'inputReports'],
  ['output', 'outputReports'],
  ['feature', 'featureReports'],
] as const satisfies readonly (readonly [ReportType, keyof WebHidCollection])[];

function usagesOf(item: WebHidReportItem): ExtendedUsage[] {
  if (!item.isRange) return item.usages;
  const first = item.usageMinimum ?? 0;
  const last = item.usageMaximum ?? first;
  if (last < first || last - first >= 0x10000) return [];
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** The collections of one device, as WebHID gives them, read into fields. */
export function parsedFromWebHid(collections: readonly WebHidCollection[]): ParsedDescriptor {
  const fields: ReportField[] = [];
  const topCollections: TopCollection[] = [];
  const reportBits = new Map<string, number>();

  const visit = (collection: WebHidCollection, outer: ExtendedUsage[], top: TopCollection) => {
    const path = [...outer, usageOf(collection.usagePage, collection.usage)];
    for (const [type, list] of REPORT_LISTS) {
      for (const report of collection[list]) {
        for (const item of report.items) {
          const key = `${type}:${report.reportId}`;
          const bitOffset = reportBits.get(key) ?? 0;
          reportBits.set(key, bitOffset + item.reportSize * item.reportCount);
          const field: ReportField = {
            type,
            reportId: report.reportId,
            bitOffset,
            bitSize: item.reportSize,
            count: item.reportCount,
            flags: {
              constant: item.isConstant,
              variable: !item.isArray,
              relative: !item.isAbsolute,
              noPreferredState: !item.hasPreferredState,
            },
            logicalMin: item.logicalMinimum,
            logicalMax: item.logicalMaximum,
            usages: usagesOf(item),
            collections: path,
          };
          fields.push(field);
          top.fields.push(field);
        }
      }
    }
    for (const child of collection.children) visit(child, path, top);
  };

  for (const collection of collections) {
    const top: TopCollection = {
      usage: usageOf(collection.usagePage, collection.usage),
      fields: [],
    };
    topCollections.push(top);
    visit(collection, [], top);
  }
  return { fields, topCollections };
}
