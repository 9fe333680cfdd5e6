/**
 * The collections WebHID would give for a descriptor, laid out the way Chromium's
 * HidReportDescriptor groups them (each item under its innermost collection, by report id in
 * order of appearance; a usage range as isRange with its ends). Built from the byte parser's
 * fields: it tests the WebHID reading (offsets summed per report, ranges, flags, nesting), not
 * a capture of Chromium's own parse, which needs a real device.
 */
import type { ParsedDescriptor } from './parseReportDescriptor';
import { idOf, pageOf, type ExtendedUsage, type ReportField } from './reportFields';
import type { WebHidCollection, WebHidReportItem } from './webHidCollections';

const LISTS = {
  input: 'inputReports',
  output: 'outputReports',
  feature: 'featureReports',
} as const;

function itemOf(field: ReportField): WebHidReportItem {
  const consecutive = field.usages.every(
    (usage, index) => usage === (field.usages[0] ?? 0) + index,
  );
  const isRange = !field.flags.variable && field.usages.length > 1 && consecutive;
  return {
    isAbsolute: !field.flags.relative,
    isArray: !field.flags.variable,
    isConstant: field.flags.constant,
    isRange,
    hasPreferredState: !field.flags.noPreferredState,
    usages: isRange ? [] : field.usages,
    ...(isRange ? { usageMinimum: field.usages[0], usageMaximum: field.usages.at(-1) } : {}),
    reportSize: field.bitSize,
    reportCount: field.count,
    logicalMinimum: field.logicalMin,
    logicalMaximum: field.logicalMax,
  };
}

function emptyCollection(usage: ExtendedUsage): WebHidCollection {
  return {
    usagePage: pageOf(usage),
    usage: idOf(usage),
    type: 1,
    children: [],
    inputReports: [],
    outputReports: [],
    featureReports: [],
  };
}

export function webHidCollectionsOf(parsed: ParsedDescriptor): WebHidCollection[] {
  return parsed.topCollections.map((top) => {
    const root = emptyCollection(top.usage);
    const byPath = new Map<string, WebHidCollection>([[JSON.stringify([top.usage]), root]]);
    const collectionAt = (path: ExtendedUsage[]): WebHidCollection => {
      const key = JSON.stringify(path);
      const known = byPath.get(key);
      if (known) return known;
      const collection = emptyCollection(path.at(-1) ?? 0);
      collectionAt(path.slice(0, -1)).children.push(collection);
      byPath.set(key, collection);
      return collection;
    };
    for (const field of top.fields) {
      const reports = collectionAt(field.collections)[LISTS[field.type]];
      let report = reports.find((candidate) => candidate.reportId === field.reportId);
      if (!report) {
        report = { reportId: field.reportId, items: [] };
        reports.push(report);
      }
      report.items.push(itemOf(field));
    }
    return root;
  });
}
