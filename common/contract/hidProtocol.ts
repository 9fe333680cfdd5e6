/**
 * Main and the engine page's WebHID bridge (Windows and macOS headsets): the commands main
 * sends, the events the page reports, and the bridge its preload exposes (window.openccpHid).
 * Its own channels, apart from the SIP engine's, so HID and SIP evolve independently.
 *
 * The collections are WebHID's `HIDDevice.collections` copied into plain data: the report
 * items Chromium parsed from the device's descriptor (main/headset/descriptor/webHidCollections.ts
 * turns them into the telephony map). Bounded everywhere: the page is untrusted.
 */
import { z } from 'zod';

/** The Telephony usage page: a device without a top-level collection on it is no phone. */
export const HID_TELEPHONY_PAGE = 0x0b;

/** One report item as WebHID's HIDReportItem has it (the fields the map needs). */
export const WebHidReportItem = z.object({
  isAbsolute: z.boolean(),
  isArray: z.boolean(),
  isConstant: z.boolean(),
  isRange: z.boolean(),
  hasPreferredState: z.boolean(),
  usages: z.array(z.number().int().nonnegative()).max(0x10000).default([]),
  usageMinimum: z.number().int().nonnegative().optional(),
  usageMaximum: z.number().int().nonnegative().optional(),
  reportSize: z.number().int().min(0).max(0xffff),
  reportCount: z.number().int().min(0).max(0xffff),
  logicalMinimum: z.number().int(),
  logicalMaximum: z.number().int(),
});
export type WebHidReportItem = z.infer<typeof WebHidReportItem>;

export const WebHidReport = z.object({
  reportId: z.number().int().min(0).max(255),
  items: z.array(WebHidReportItem),
});

export interface WebHidCollection {
  usagePage: number;
  usage: number;
  type: number;
  children: WebHidCollection[];
  inputReports: z.infer<typeof WebHidReport>[];
  outputReports: z.infer<typeof WebHidReport>[];
  featureReports: z.infer<typeof WebHidReport>[];
}

export const WebHidCollection: z.ZodType<WebHidCollection> = z.lazy(() =>
  z.object({
    usagePage: z.number().int().min(0).max(0xffff),
    usage: z.number().int().min(0).max(0xffff),
    type: z.number().int().min(0).max(0xff),
    children: z.array(WebHidCollection).max(64),
    inputReports: z.array(WebHidReport).max(256),
    outputReports: z.array(WebHidReport).max(256),
    featureReports: z.array(WebHidReport).max(256),
  }),
);

/** Whether a HID device (WebHID's, or Electron's in main) has a Telephony top-level collection. */
export function hasTelephonyCollection(
  collections: readonly { readonly usagePage: number }[],
): boolean {
  return collections.some((collection) => collection.usagePage === HID_TELEPHONY_PAGE);
}

/** The page's name for a device: stable while it stays plugged in, new when plugged again. */
const HidDeviceId = z.string().min(1).max(64);
const RequestId = z.number().int().nonnegative();
const Byte = z.number().int().min(0).max(255);
/** A report's data, without its id (USB full speed caps interrupt reports at 64 bytes). */
const ReportData = z.array(Byte).max(1024);

export const HidDeviceInfo = z.object({
  deviceId: HidDeviceId,
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  productName: z.string().max(256),
  collections: z.array(WebHidCollection).max(16),
});
export type HidDeviceInfo = z.infer<typeof HidDeviceInfo>;

export const HidCommand = z.discriminatedUnion('type', [
  /** The telephony devices the page may use (Electron grants only those, without a chooser). */
  z.object({ type: z.literal('list'), requestId: RequestId }),
  z.object({ type: z.literal('open'), requestId: RequestId, deviceId: HidDeviceId }),
  z.object({
    type: z.literal('send'),
    requestId: RequestId,
    deviceId: HidDeviceId,
    reportId: Byte,
    data: ReportData,
  }),
  z.object({ type: z.literal('close'), requestId: RequestId, deviceId: HidDeviceId }),
]);
export type HidCommand = z.infer<typeof HidCommand>;

export const HidEvent = z.discriminatedUnion('type', [
  /** The page (re)loaded: devices a previous page opened are closed now. */
  z.object({ type: z.literal('ready') }),
  /** A command carried out; `devices` answers `list`. */
  z.object({
    type: z.literal('done'),
    requestId: RequestId,
    devices: z.array(HidDeviceInfo).max(32).optional(),
  }),
  z.object({ type: z.literal('failed'), requestId: RequestId, message: z.string().max(512) }),
  /** An input report from an open device. */
  z.object({ type: z.literal('input'), deviceId: HidDeviceId, reportId: Byte, data: ReportData }),
  /** An open device was unplugged. */
  z.object({ type: z.literal('gone'), deviceId: HidDeviceId }),
]);
export type HidEvent = z.infer<typeof HidEvent>;

export const HID_COMMAND_CHANNEL = 'hid:command';
export const HID_EVENT_CHANNEL = 'hid:event';
export const HID_GLOBAL = 'openccpHid';

export interface HidBridgeApi {
  /** Registers the page's command handler; commands that came before it are delivered. */
  onCommand(handler: (command: HidCommand) => void): void;
  report(event: HidEvent): Promise<void>;
}
