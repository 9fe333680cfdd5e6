/**
 * From descriptor bytes to a telephony map: the one entry the Linux descriptor source uses.
 */
import { parseReportDescriptor } from './descriptor/parseReportDescriptor';
import { telephonyMap, type TelephonyMap } from './telephonyMap';

export type DescriptorReading =
  | { ok: true; map: TelephonyMap }
  /** `noTelephony`: a keyboard, a gaming headset; `broken`: the bytes do not parse. */
  | { ok: false; reason: 'noTelephony' }
  | { ok: false; reason: 'broken'; detail: string };

export function mapFromDescriptor(bytes: Uint8Array): DescriptorReading {
  try {
    const map = telephonyMap(parseReportDescriptor(bytes));
    return map ? { ok: true, map } : { ok: false, reason: 'noTelephony' };
  } catch (error) {
    return { ok: false, reason: 'broken', detail: String(error) };
  }
}
