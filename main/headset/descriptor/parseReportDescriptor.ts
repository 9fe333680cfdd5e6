/**
 * A HID report descriptor parser (HID 1.11, chapter 6.2.2): long and short items, the global
 * state with Push/Pop, local usages (single, ranges and 32-bit extended), nested collections,
 * and bit positions of every field per report id and report type. Pure: bytes in, fields out.
 */
import { DescriptorError, readItems, signedData, type HidItem } from './hidItems';
import {
  pageOf,
  usageOf,
  type ExtendedUsage,
  type FieldFlags,
  type ReportField,
  type ReportType,
  type TopCollection,
} from './reportFields';

interface GlobalState {
  usagePage: number;
  logicalMin: number;
  logicalMax: number;
  reportSize: number;
  reportCount: number;
  reportId: number;
}

/** A Usage, Usage Minimum or Usage Maximum as declared, before the main item completes it. */
interface DeclaredUsage {
  value: number;
  /** A 4-byte usage names its own page; shorter ones take a page from the global state. */
  extended: boolean;
  /** The Usage Page in force when it was declared. */
  page: number;
}

interface LocalState {
  usages: DeclaredUsage[];
  minimum?: DeclaredUsage;
  maximum?: DeclaredUsage;
}

/** More usages than this in one range is a broken descriptor, not a device. */
const MAX_RANGE = 0x10000;

const MAIN_TAG = { input: 0x8, output: 0x9, feature: 0xb, collection: 0xa, endCollection: 0xc };
const GLOBAL_TAG = {
  usagePage: 0x0,
  logicalMin: 0x1,
  logicalMax: 0x2,
  reportSize: 0x7,
  reportId: 0x8,
  reportCount: 0x9,
  push: 0xa,
  pop: 0xb,
};
const LOCAL_TAG = { usage: 0x0, usageMin: 0x1, usageMax: 0x2 };
const REPORT_TAGS: Record<number, ReportType> = {
  [MAIN_TAG.input]: 'input',
  [MAIN_TAG.output]: 'output',
  [MAIN_TAG.feature]: 'feature',
};

/**
 * The page a short usage ends up on. Usages take the page in force when they were declared;
 * but when the Usage Page changes after the last usages of a main item and before the item
 * itself, those trailing usages take the new page (descriptors that write the Usage before its
 * Usage Page, as the Jabra's keypad button does). This is the rule of the Linux kernel
 * (hid_concatenate_last_usage_page), whose reading of a device is the one its other apps see.
 */
function completeUsages(declared: DeclaredUsage[], currentPage: number): ExtendedUsage[] {
  const pages = declared.map((usage) => usage.page);
  for (let index = declared.length - 1; index >= 0; index--) {
    const usage = declared[index];
    if (!usage || usage.extended) continue;
    if (usage.page === currentPage) break;
    pages[index] = currentPage;
  }
  return declared.map((usage, index) =>
    usage.extended ? usage.value : usageOf(pages[index] ?? 0, usage.value),
  );
}

function flagsOf(data: number): FieldFlags {
  return {
    constant: (data & 0x01) !== 0,
    variable: (data & 0x02) !== 0,
    relative: (data & 0x04) !== 0,
    noPreferredState: (data & 0x20) !== 0,
  };
}

export interface ParsedDescriptor {
  fields: ReportField[];
  topCollections: TopCollection[];
}

export function parseReportDescriptor(bytes: Uint8Array): ParsedDescriptor {
  let global: GlobalState = {
    usagePage: 0,
    logicalMin: 0,
    logicalMax: 0,
    reportSize: 0,
    reportCount: 0,
    reportId: 0,
  };
  const globalStack: GlobalState[] = [];
  let local: LocalState = { usages: [] };
  const collections: ExtendedUsage[] = [];
  const fields: ReportField[] = [];
  const topCollections: TopCollection[] = [];
  /** Bits used so far in each report, by `${type}:${reportId}`. */
  const reportBits = new Map<string, number>();

  const declare = (item: HidItem): DeclaredUsage => ({
    value: item.data,
    extended: item.size === 4,
    page: global.usagePage,
  });

  /** The usages the next main item gets: the listed ones, then a range if one was declared. */
  const usagesForMainItem = (item: HidItem): ExtendedUsage[] => {
    const listed = completeUsages(local.usages, global.usagePage);
    if (local.minimum === undefined && local.maximum === undefined) return listed;
    if (local.minimum === undefined || local.maximum === undefined) {
      throw new DescriptorError('usage range without both ends', item.offset);
    }
    const [first, last] = completeUsages([local.minimum, local.maximum], global.usagePage);
    if (first === undefined || last === undefined || pageOf(first) !== pageOf(last)) {
      throw new DescriptorError('usage range across usage pages', item.offset);
    }
    if (last < first || last - first >= MAX_RANGE) {
      throw new DescriptorError('usage range out of order or too long', item.offset);
    }
    const range = Array.from({ length: last - first + 1 }, (_, index) => first + index);
    return [...listed, ...range];
  };

  for (const item of readItems(bytes)) {
    if (item.long) continue;
    if (item.type === 'global') {
      switch (item.tag) {
        case GLOBAL_TAG.usagePage:
          global.usagePage = item.data & 0xffff;
          break;
        case GLOBAL_TAG.logicalMin:
          global.logicalMin = signedData(item);
          break;
        case GLOBAL_TAG.logicalMax:
          // A maximum that only fits unsigned (0xFF after a minimum of 0) reads unsigned.
          global.logicalMax =
            global.logicalMin >= 0 && signedData(item) < global.logicalMin
              ? item.data
              : signedData(item);
          break;
        case GLOBAL_TAG.reportSize:
          global.reportSize = item.data;
          break;
        case GLOBAL_TAG.reportId:
          if (item.data === 0 || item.data > 0xff) {
            throw new DescriptorError('report id must be 1 to 255', item.offset);
          }
          global.reportId = item.data;
          break;
        case GLOBAL_TAG.reportCount:
          global.reportCount = item.data;
          break;
        case GLOBAL_TAG.push:
          globalStack.push({ ...global });
          break;
        case GLOBAL_TAG.pop: {
          const popped = globalStack.pop();
          if (!popped) throw new DescriptorError('Pop without Push', item.offset);
          global = popped;
          break;
        }
        default:
          // Physical limits, units and exponents say nothing about where a control is.
          break;
      }
      continue;
    }
    if (item.type === 'local') {
      if (item.tag === LOCAL_TAG.usage) local.usages.push(declare(item));
      else if (item.tag === LOCAL_TAG.usageMin) local.minimum = declare(item);
      else if (item.tag === LOCAL_TAG.usageMax) local.maximum = declare(item);
      // Designators, strings and delimiters name no bits.
      continue;
    }
    if (item.type !== 'main') continue;

    const reportType = REPORT_TAGS[item.tag];
    if (reportType) {
      const key = `${reportType}:${global.reportId}`;
      const bitOffset = reportBits.get(key) ?? 0;
      const field: ReportField = {
        type: reportType,
        reportId: global.reportId,
        bitOffset,
        bitSize: global.reportSize,
        count: global.reportCount,
        flags: flagsOf(item.data),
        logicalMin: global.logicalMin,
        logicalMax: global.logicalMax,
        usages: usagesForMainItem(item),
        collections: [...collections],
      };
      reportBits.set(key, bitOffset + global.reportSize * global.reportCount);
      fields.push(field);
      // A field outside every collection belongs to no device function.
      if (collections.length > 0) topCollections.at(-1)?.fields.push(field);
    } else if (item.tag === MAIN_TAG.collection) {
      // A collection's usage is the first usage declared before it.
      const usage = usagesForMainItem(item)[0] ?? usageOf(global.usagePage, 0);
      if (collections.length === 0) topCollections.push({ usage, fields: [] });
      collections.push(usage);
    } else if (item.tag === MAIN_TAG.endCollection) {
      if (collections.pop() === undefined) {
        throw new DescriptorError('End Collection without a Collection', item.offset);
      }
    } else {
      throw new DescriptorError(`unknown main item tag 0x${item.tag.toString(16)}`, item.offset);
    }
    // Local items last until the next main item (HID 1.11, 6.2.2.8).
    local = { usages: [] };
  }
  if (collections.length > 0) {
    throw new DescriptorError('collection never closed', bytes.length);
  }
  return { fields, topCollections };
}
