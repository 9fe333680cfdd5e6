/**
 * The reports the host exchanges with a headset, built from its telephony map: output reports
 * written whole from the state of every light (several lights share a report, so writing one
 * from scratch would clear the others), and input reports read into button values.
 */
import { readBits, writeBits } from './reportBits';
import type { TelephonyMap } from './telephonyMap';
import type { HeadsetButton, HeadsetLight } from './usages';

/** Which lights should be on; a light not named is off. */
export type LightState = Partial<Record<HeadsetLight, boolean>>;

/** The device numbers its reports: every report starts with its id byte. */
function numbered(map: TelephonyMap): boolean {
  const controls = [...Object.values(map.buttons), ...Object.values(map.lights)];
  return controls.some((control) => control.reportId !== 0);
}

/**
 * Every output report that carries a light, as node-hid's `write` takes it: the report id
 * first (0 for a device that numbers no reports), then the data with every light in place.
 */
export function outputReports(map: TelephonyMap, lights: LightState): Uint8Array[] {
  return map.outputReports.map(({ reportId, byteLength }) => {
    const report = new Uint8Array(1 + byteLength);
    report[0] = reportId;
    const data = report.subarray(1);
    for (const [name, light] of Object.entries(map.lights)) {
      if (light.reportId !== reportId) continue;
      writeBits(data, light.bitOffset, light.bitSize, lights[name as HeadsetLight] ? 1 : 0);
    }
    return report;
  });
}

/** The buttons an input report carries and their values; other reports carry none. */
export function readButtons(
  map: TelephonyMap,
  report: Uint8Array,
): Partial<Record<HeadsetButton, number>> {
  const withId = numbered(map);
  const reportId = withId ? (report[0] ?? 0) : 0;
  const data = withId ? report.subarray(1) : report;
  const values: Partial<Record<HeadsetButton, number>> = {};
  for (const [name, button] of Object.entries(map.buttons)) {
    if (button.reportId !== reportId) continue;
    values[name as HeadsetButton] = readBits(data, button.bitOffset, button.bitSize);
  }
  return values;
}

/**
 * The input report that sets the given buttons (the rest 0), the way the device would send it:
 * the stand-in device of the tests and the bench press buttons with this.
 */
export function inputReport(
  map: TelephonyMap,
  pressed: Partial<Record<HeadsetButton, number>>,
): Uint8Array {
  const names = Object.keys(pressed) as HeadsetButton[];
  const reportIds = new Set(names.map((name) => map.buttons[name]?.reportId));
  const [reportId] = reportIds;
  const layout = map.inputReports.find((candidate) => candidate.reportId === reportId);
  if (reportIds.size !== 1 || !layout) {
    throw new Error(`no single input report carries ${names.join(', ')}`);
  }
  const withId = numbered(map);
  const report = new Uint8Array((withId ? 1 : 0) + layout.byteLength);
  if (withId) report[0] = layout.reportId;
  const data = withId ? report.subarray(1) : report;
  for (const name of names) {
    const button = map.buttons[name];
    if (button) writeBits(data, button.bitOffset, button.bitSize, pressed[name] ?? 0);
  }
  return report;
}
