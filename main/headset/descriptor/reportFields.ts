/**
 * What a parsed report descriptor says: every data field of every report (where its bits are,
 * what usages they carry, how their values read) and the collections they sit in. Both
 * descriptor sources (the raw bytes on Linux, WebHID's parsed collections elsewhere) are turned
 * into this one shape, so the same telephony map is built from either.
 */

export type ReportType = 'input' | 'output' | 'feature';

/** A usage with its page: `page << 16 | id` (HID's "extended usage"). */
export type ExtendedUsage = number;

export const usageOf = (page: number, id: number): ExtendedUsage => page * 0x10000 + id;
export const pageOf = (usage: ExtendedUsage): number => Math.floor(usage / 0x10000);
export const idOf = (usage: ExtendedUsage): number => usage % 0x10000;

/** The Main item's flags that matter to a reader of values (HID 1.11, 6.2.2.5). */
export interface FieldFlags {
  /** Padding or a fixed value: carries no control. */
  constant: boolean;
  /** One value per usage (a bit per button); otherwise an array of usage indexes. */
  variable: boolean;
  /** The value is a change (a press), not a state. */
  relative: boolean;
  /** The control does not return to a rest state by itself (a latching switch). */
  noPreferredState: boolean;
}

export interface ReportField {
  type: ReportType;
  /** 0 when the device numbers no reports. */
  reportId: number;
  /** Where the field starts in the report's data, after the report-id byte. */
  bitOffset: number;
  /** Bits of one element. */
  bitSize: number;
  count: number;
  flags: FieldFlags;
  logicalMin: number;
  logicalMax: number;
  /**
   * Variable fields: element i carries usages[i] (the last one repeats). Array fields: the
   * usages an element may name.
   */
  usages: ExtendedUsage[];
  /** The collections around the field, outermost first, by their usage. */
  collections: ExtendedUsage[];
}

/** A top-level collection and the fields inside it, nested collections included. */
export interface TopCollection {
  usage: ExtendedUsage;
  fields: ReportField[];
}
