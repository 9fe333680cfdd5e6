/**
 * WebHID's collections as plain data: Chromium's HIDCollectionInfo and HIDReportItem are
 * platform objects whose fields are getters, which IPC's structured clone would drop.
 * Only the fields main's schema reads are copied.
 */
import type { WebHidCollection, WebHidReportItem } from '../../../common/contract';
import type { HIDCollectionInfo, HIDReportInfo, HIDReportItem } from './webHidApi';

function plainItem(item: HIDReportItem): WebHidReportItem {
  return {
    isAbsolute: item.isAbsolute ?? true,
    isArray: item.isArray ?? false,
    isConstant: item.isConstant ?? false,
    isRange: item.isRange ?? false,
    hasPreferredState: item.hasPreferredState ?? true,
    usages: [...(item.usages ?? [])],
    ...(item.usageMinimum !== undefined ? { usageMinimum: item.usageMinimum } : {}),
    ...(item.usageMaximum !== undefined ? { usageMaximum: item.usageMaximum } : {}),
    reportSize: item.reportSize ?? 0,
    reportCount: item.reportCount ?? 0,
    logicalMinimum: item.logicalMinimum ?? 0,
    logicalMaximum: item.logicalMaximum ?? 0,
  };
}

function plainReports(reports: readonly HIDReportInfo[] | undefined) {
  return (reports ?? []).map((report) => ({
    reportId: report.reportId ?? 0,
    items: (report.items ?? []).map(plainItem),
  }));
}

export function plainCollection(collection: HIDCollectionInfo): WebHidCollection {
  return {
    usagePage: collection.usagePage ?? 0,
    usage: collection.usage ?? 0,
    type: collection.type ?? 0,
    children: (collection.children ?? []).map(plainCollection),
    inputReports: plainReports(collection.inputReports),
    outputReports: plainReports(collection.outputReports),
    featureReports: plainReports(collection.featureReports),
  };
}
