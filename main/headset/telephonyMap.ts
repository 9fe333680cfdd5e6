/**
 * The telephony map of a headset: where its buttons (Telephony page 0x0B) and lights (LED page
 * 0x08, and the Telephony Ringer) are in its reports, read from its own descriptor, never from
 * a per-model table. Only fields inside a top-level Phone or Headset collection count (nested
 * collections included), so a gaming headset's volume keys and a vendor's copy of the lights
 * are left alone. A device without such a collection has no map and is ignored.
 */
import type { ParsedDescriptor } from './descriptor/parseReportDescriptor';
import type { ExtendedUsage, ReportField } from './descriptor/reportFields';
import {
  BUTTON_USAGES,
  LIGHT_USAGES,
  TELEPHONY_APPLICATIONS,
  type HeadsetButton,
  type HeadsetLight,
} from './usages';

export interface ButtonControl {
  reportId: number;
  /** Bit offset in the report's data, after the report-id byte. */
  bitOffset: number;
  bitSize: number;
  /** Absolute: the bits are the control's state. Relative: a non-zero value is one press. */
  mode: 'absolute' | 'relative';
  /** False for a latching switch (HID "No Preferred State"), which stays where it is put. */
  preferredState: boolean;
}

export interface LightControl {
  reportId: number;
  bitOffset: number;
  bitSize: number;
}

/** A report as the device sends or expects it: every field's bits, controls or not. */
export interface ReportLayout {
  reportId: number;
  /** Data bytes after the report-id byte. */
  byteLength: number;
}

export interface TelephonyMap {
  /** The top-level collection the map was read from (Telephony Headset or Phone). */
  application: ExtendedUsage;
  buttons: Partial<Record<HeadsetButton, ButtonControl>>;
  lights: Partial<Record<HeadsetLight, LightControl>>;
  /** The input reports that carry at least one button, by report id. */
  inputReports: ReportLayout[];
  /** The output reports that carry at least one light, by report id. */
  outputReports: ReportLayout[];
}

const BUTTON_BY_USAGE = new Map<ExtendedUsage, HeadsetButton>(
  Object.entries(BUTTON_USAGES).map(([name, usage]) => [usage, name as HeadsetButton]),
);
const LIGHT_BY_USAGE = new Map<ExtendedUsage, HeadsetLight>(
  Object.entries(LIGHT_USAGES).map(([name, usage]) => [usage, name as HeadsetLight]),
);

/** Each element of a variable field, with the usage it carries and where its bits are. */
function* variableElements(field: ReportField) {
  if (!field.flags.variable || field.flags.constant || field.usages.length === 0) return;
  for (let index = 0; index < field.count; index++) {
    const usage = field.usages[Math.min(index, field.usages.length - 1)];
    if (usage === undefined) continue;
    yield { usage, bitOffset: field.bitOffset + index * field.bitSize };
  }
}

/** The map of the first telephony collection that names a button or a light, if any. */
export function telephonyMap(parsed: ParsedDescriptor): TelephonyMap | undefined {
  for (const top of parsed.topCollections) {
    if (!TELEPHONY_APPLICATIONS.includes(top.usage)) continue;
    const buttons: TelephonyMap['buttons'] = {};
    const lights: TelephonyMap['lights'] = {};
    for (const field of top.fields) {
      for (const { usage, bitOffset } of variableElements(field)) {
        const place = { reportId: field.reportId, bitOffset, bitSize: field.bitSize };
        const button = BUTTON_BY_USAGE.get(usage);
        const light = LIGHT_BY_USAGE.get(usage);
        // The first declaration of a usage wins: a later one is a vendor's duplicate.
        if (field.type === 'input' && button && !buttons[button]) {
          buttons[button] = {
            ...place,
            mode: field.flags.relative ? 'relative' : 'absolute',
            preferredState: !field.flags.noPreferredState,
          };
        } else if (field.type === 'output' && light && !lights[light]) {
          lights[light] = place;
        }
      }
    }
    if (Object.keys(buttons).length === 0 && Object.keys(lights).length === 0) continue;
    return {
      application: top.usage,
      buttons,
      lights,
      inputReports: layouts(parsed, 'input', Object.values(buttons)),
      outputReports: layouts(parsed, 'output', Object.values(lights)),
    };
  }
  return undefined;
}

/** The reports the controls sit in, each with its whole data length (every field of that id). */
function layouts(
  parsed: ParsedDescriptor,
  type: 'input' | 'output',
  controls: { reportId: number }[],
): ReportLayout[] {
  const reportIds = [...new Set(controls.map((control) => control.reportId))];
  return reportIds
    .sort((a, b) => a - b)
    .map((reportId) => {
      const bits = parsed.fields
        .filter((field) => field.type === type && field.reportId === reportId)
        .reduce((end, field) => Math.max(end, field.bitOffset + field.bitSize * field.count), 0);
      return { reportId, byteLength: Math.ceil(bits / 8) };
    });
}
