/**
 * The slice of WebHID (navigator.hid) the bridge uses, typed here: TypeScript's DOM library has
 * no WebHID types, and this slice is small enough not to add @types/w3c-web-hid for it. Fields
 * Chromium may leave undefined are optional, as the spec's IDL has them.
 */
export interface HIDReportItem {
  isAbsolute?: boolean;
  isArray?: boolean;
  isConstant?: boolean;
  isRange?: boolean;
  hasPreferredState?: boolean;
  usages?: readonly number[];
  usageMinimum?: number;
  usageMaximum?: number;
  reportSize?: number;
  reportCount?: number;
  logicalMinimum?: number;
  logicalMaximum?: number;
}

export interface HIDReportInfo {
  reportId?: number;
  items?: readonly HIDReportItem[];
}

export interface HIDCollectionInfo {
  usagePage?: number;
  usage?: number;
  type?: number;
  children?: readonly HIDCollectionInfo[];
  inputReports?: readonly HIDReportInfo[];
  outputReports?: readonly HIDReportInfo[];
  featureReports?: readonly HIDReportInfo[];
}

export interface HIDInputReportEvent extends Event {
  readonly device: HIDDevice;
  readonly reportId: number;
  readonly data: DataView;
}

export interface HIDDevice extends EventTarget {
  readonly opened: boolean;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly collections: readonly HIDCollectionInfo[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: Uint8Array): Promise<void>;
}

export interface HIDConnectionEvent extends Event {
  readonly device: HIDDevice;
}

export interface HID extends EventTarget {
  getDevices(): Promise<HIDDevice[]>;
}
