/**
 * From a device's descriptor to a telephony map: the one entry both descriptor sources use,
 * the raw bytes (Linux, sysfs) and WebHID's parsed collections (Windows, macOS).
 */
import { parseReportDescriptor } from './descriptor/parseReportDescriptor';
import { parsedFromWebHid, type WebHidCollection } from './descriptor/webHidCollections';
import { telephonyMap, type TelephonyMap } from './telephonyMap';

/** What a HeadsetPort reads of a device: the descriptor bytes, or WebHID's collections. */
export type HeadsetDescriptor = Uint8Array | readonly WebHidCollection[];

export type DescriptorReading =
  | { ok: true; map: TelephonyMap }
  /** `noTelephony`: a keyboard, a gaming headset; `broken`: the bytes do not parse. */
  | { ok: false; reason: 'noTelephony' }
  | { ok: false; reason: 'broken'; detail: string };

export function mapFromDescriptor(descriptor: HeadsetDescriptor): DescriptorReading {
  try {
    const parsed =
      descriptor instanceof Uint8Array
        ? parseReportDescriptor(descriptor)
        : parsedFromWebHid(descriptor);
    const map = telephonyMap(parsed);
    return map ? { ok: true, map } : { ok: false, reason: 'noTelephony' };
  } catch (error) {
    return { ok: false, reason: 'broken', detail: String(error) };
  }
}
