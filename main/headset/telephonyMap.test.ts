/**
 * The map of every real descriptor in fixtures/, in full. The fixtures' README has an
 * independent reading of each; where this map names a usage differently, the bytes are quoted.
 */
import { describe, expect, it } from 'vitest';
import { parseReportDescriptor } from './descriptor/parseReportDescriptor';
import { usageOf } from './descriptor/reportFields';
import { parsedFromWebHid } from './descriptor/webHidCollections';
import { webHidCollectionsOf } from './descriptor/webHidCollections.testkit';
import { descriptorBytes, fixtureMap } from './fixtures.testkit';
import { mapFromDescriptor } from './readHeadsetDescriptor';
import { telephonyMap, type TelephonyMap } from './telephonyMap';

const HEADSET = usageOf(0x0b, 0x05);
const abs = (reportId: number, bitOffset: number, preferredState = false) => ({
  reportId,
  bitOffset,
  bitSize: 1,
  mode: 'absolute',
  preferredState,
});
const rel = (reportId: number, bitOffset: number) => ({
  reportId,
  bitOffset,
  bitSize: 1,
  mode: 'relative',
  preferredState: true,
});
const light = (reportId: number, bitOffset: number) => ({ reportId, bitOffset, bitSize: 1 });

/** Jabra and Yealink share one layout (the Yealink adds a vendor-page copy, left alone). */
const JABRA_LAYOUT = {
  application: HEADSET,
  buttons: {
    hookSwitch: abs(2, 0),
    lineBusyTone: abs(2, 1),
    phoneMute: rel(2, 2),
    flash: rel(2, 3),
    redial: rel(2, 4),
    speedDial: rel(2, 5),
  },
  lights: {
    offHook: light(2, 0),
    mute: light(2, 1),
    ring: light(2, 2),
    hold: light(2, 3),
    microphone: light(2, 4),
    ringer: light(2, 5),
  },
  // Input report 2: 6 buttons, the 4-bit keypad array, 5 pad bits, the programmable button.
  inputReports: [{ reportId: 2, byteLength: 2 }],
  // Output report 2: five LEDs, the Ringer and ten pad bits.
  outputReports: [{ reportId: 2, byteLength: 2 }],
};

describe('telephonyMap of the real descriptors', () => {
  it('Jabra EVOLVE LINK MS (0b0e-0307): report 2 in, report 2 out', () => {
    expect(fixtureMap('jabra')).toEqual(JABRA_LAYOUT);
  });

  it('Yealink WH66 (6993-b02b): the Jabra layout; the vendor-page copy in report 4 is ignored', () => {
    expect(fixtureMap('yealink')).toEqual(JABRA_LAYOUT);
  });

  it('Sennheiser SC 660 (1395-0082): buttons in report 8, lights in report 9', () => {
    expect(fixtureMap('sennheiser')).toEqual({
      application: HEADSET,
      buttons: {
        phoneMute: rel(8, 0),
        hookSwitch: abs(8, 1),
        redial: rel(8, 2),
        flash: rel(8, 3),
        // The README calls bit 4 Transfer; the bytes say 09 26, and HUT's 0x0B:0x26 is Drop.
        drop: rel(8, 4),
      },
      lights: {
        mute: light(9, 0),
        offHook: light(9, 1),
        ring: light(9, 2),
        microphone: light(9, 3),
        onLine: light(9, 4),
        hold: light(9, 5),
      },
      inputReports: [{ reportId: 8, byteLength: 1 }],
      outputReports: [{ reportId: 9, byteLength: 1 }],
    });
  });

  it('Poly Voyager Base CD (047f-02ec): one output report per light, bit 0 each', () => {
    expect(fixtureMap('poly')).toEqual({
      application: HEADSET,
      buttons: {
        hookSwitch: abs(1, 0),
        phoneMute: rel(1, 1),
        // Flash is absolute with a preferred state (81 02): a momentary button.
        flash: abs(1, 2, true),
        redial: rel(1, 3),
      },
      lights: {
        ring: light(1, 0),
        speaker: light(2, 0),
        mute: light(3, 0),
        offHook: light(4, 0),
        hold: light(5, 0),
      },
      inputReports: [{ reportId: 1, byteLength: 1 }],
      outputReports: [1, 2, 3, 4, 5].map((reportId) => ({ reportId, byteLength: 1 })),
    });
  });

  it('EPOS IMPACT DW (1395-00a2): volume bits first, the vendor collection nested inside', () => {
    expect(fixtureMap('epos')).toEqual({
      application: HEADSET,
      buttons: {
        hookSwitch: abs(2, 2),
        flash: rel(2, 3),
        redial: rel(2, 4),
        phoneMute: rel(2, 5),
        // The README calls bit 6 Transfer; the bytes say 09 26 (Drop), as on the SC 660.
        drop: rel(2, 6),
      },
      lights: {
        ringer: light(3, 0),
        offHook: light(3, 1),
        microphone: light(3, 2),
        ring: light(3, 3),
        mute: light(3, 4),
        onLine: light(3, 5),
        hold: light(3, 6),
      },
      inputReports: [{ reportId: 2, byteLength: 1 }],
      outputReports: [{ reportId: 3, byteLength: 1 }],
    });
  });

  it('Logitech G535 (046d-0ac4): no telephony collection, so no map', () => {
    expect(mapFromDescriptor(descriptorBytes('logitech'))).toEqual({
      ok: false,
      reason: 'noTelephony',
    });
  });

  it('a descriptor that does not parse is reported broken with the reason, not thrown', () => {
    const reading = mapFromDescriptor(Uint8Array.from([0x05, 0x0b, 0xa1]));
    expect(reading).toEqual({
      ok: false,
      reason: 'broken',
      detail: 'DescriptorError: item cut short (at byte 2)',
    });
  });
});

/**
 * Hand-made descriptors for the fields no fixture has, read both ways (the Linux bytes and the
 * WebHID collections), which must give the same map.
 */
const HEADSET_APP = [0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01];
const PHONE_APP = [0x05, 0x0b, 0x09, 0x01, 0xa1, 0x01];
const END = [0xc0];
const TELEPHONY_PAGE = [0x05, 0x0b];
const LED_PAGE = [0x05, 0x08];
/** Logical 0..1, one bit an element. */
const BITS = [0x15, 0x00, 0x25, 0x01, 0x75, 0x01];
const count = (n: number) => [0x95, n];
const reportId = (id: number) => [0x85, id];
const use = (id: number) => [0x09, id];
const INPUT = [0x81, 0x02];
const OUTPUT = [0x91, 0x02];
const FEATURE = [0xb1, 0x02];
const INPUT_PAD = [0x81, 0x01];
const OUTPUT_PAD = [0x91, 0x01];

function mapOfBoth(...parts: number[][]): TelephonyMap | undefined {
  const parsed = parseReportDescriptor(Uint8Array.from(parts.flat()));
  const map = telephonyMap(parsed);
  expect(telephonyMap(parsedFromWebHid(webHidCollectionsOf(parsed)))).toEqual(map);
  return map;
}

const button = (reportId: number, bitOffset: number) => ({
  reportId,
  bitOffset,
  bitSize: 1,
  mode: 'absolute',
  preferredState: true,
});

describe('telephonyMap of hand-made descriptors (bytes and WebHID alike)', () => {
  it('maps no button from an array field, only from the variable bits after it', () => {
    const map = mapOfBoth(
      HEADSET_APP,
      // An array of one 2-bit index naming Hook Switch (1) or Flash (2): not a bit per button.
      [0x15, 0x01, 0x25, 0x02, 0x75, 0x02, ...count(1), ...use(0x20), ...use(0x21), 0x81, 0x00],
      BITS,
      count(1),
      use(0x2f),
      INPUT,
      count(5),
      INPUT_PAD,
      END,
    );
    expect(map?.buttons).toEqual({ phoneMute: button(0, 2) });
    expect(map?.inputReports).toEqual([{ reportId: 0, byteLength: 1 }]);
  });

  it('maps no button from a constant field that names a usage, only from the data field', () => {
    const map = mapOfBoth(
      HEADSET_APP,
      BITS,
      count(1),
      use(0x20),
      [0x81, 0x03],
      use(0x20),
      INPUT,
      count(6),
      INPUT_PAD,
      END,
    );
    expect(map?.buttons).toEqual({ hookSwitch: button(0, 1) });
  });

  it('maps only as many buttons as a field has elements, not every usage it lists', () => {
    // Hook Switch and Phone Mute named, one element: the mute usage has no bit of its own.
    const map = mapOfBoth(
      HEADSET_APP,
      BITS,
      count(1),
      use(0x20),
      use(0x2f),
      INPUT,
      count(7),
      INPUT_PAD,
      END,
    );
    expect(map?.buttons).toEqual({ hookSwitch: button(0, 0) });
  });

  it('places each element of a multi-bit field at its own byte: one LED a byte', () => {
    const map = mapOfBoth(
      HEADSET_APP,
      LED_PAGE,
      [0x15, 0x00, 0x26, 0xff, 0x00, 0x75, 0x08],
      count(2),
      use(0x09),
      use(0x17),
      OUTPUT,
      END,
    );
    expect(map?.lights).toEqual({
      mute: { reportId: 0, bitOffset: 0, bitSize: 8 },
      offHook: { reportId: 0, bitOffset: 8, bitSize: 8 },
    });
    expect(map?.outputReports).toEqual([{ reportId: 0, byteLength: 2 }]);
  });

  it('ignores a hook switch in a Consumer Control collection declared before the headset', () => {
    const map = mapOfBoth(
      [0x05, 0x0c, 0x09, 0x01, 0xa1, 0x01],
      reportId(1),
      TELEPHONY_PAGE,
      BITS,
      count(1),
      use(0x20),
      INPUT,
      count(7),
      INPUT_PAD,
      END,
      HEADSET_APP,
      reportId(2),
      BITS,
      count(1),
      use(0x20),
      INPUT,
      count(7),
      INPUT_PAD,
      END,
    );
    expect(map).toEqual({
      application: HEADSET,
      buttons: { hookSwitch: button(2, 0) },
      lights: {},
      inputReports: [{ reportId: 2, byteLength: 1 }],
      outputReports: [],
    });
  });

  it('takes buttons from input fields and lights from output fields only, the first of each usage', () => {
    const map = mapOfBoth(
      HEADSET_APP,
      reportId(1),
      BITS,
      // Feature report 1: a Hook Switch usage, not the button the device presses.
      count(1),
      use(0x20),
      FEATURE,
      count(7),
      [0xb1, 0x01],
      // Input report 1: a Mute LED usage (not a light in an input), Hook Switch twice.
      count(1),
      LED_PAGE,
      use(0x09),
      INPUT,
      TELEPHONY_PAGE,
      use(0x20),
      INPUT,
      use(0x20),
      INPUT,
      count(5),
      INPUT_PAD,
      // Output report 1: a Hook Switch usage (no light), then the Mute LED twice.
      count(1),
      use(0x20),
      OUTPUT,
      LED_PAGE,
      use(0x09),
      OUTPUT,
      use(0x09),
      OUTPUT,
      count(5),
      OUTPUT_PAD,
      END,
    );
    expect(map).toEqual({
      application: HEADSET,
      buttons: { hookSwitch: button(1, 1) },
      lights: { mute: { reportId: 1, bitOffset: 1, bitSize: 1 } },
      inputReports: [{ reportId: 1, byteLength: 1 }],
      outputReports: [{ reportId: 1, byteLength: 1 }],
    });
  });

  it('passes over a Phone collection with no known button or light to the Headset after it', () => {
    const map = mapOfBoth(
      PHONE_APP,
      reportId(1),
      BITS,
      count(1),
      use(0x07),
      INPUT,
      count(7),
      INPUT_PAD,
      END,
      HEADSET_APP,
      reportId(2),
      BITS,
      count(1),
      use(0x20),
      INPUT,
      count(7),
      INPUT_PAD,
      END,
    );
    expect(map?.application).toBe(HEADSET);
    expect(map?.buttons).toEqual({ hookSwitch: button(2, 0) });
  });

  it('maps a collection that has lights and no buttons', () => {
    const map = mapOfBoth(HEADSET_APP, LED_PAGE, BITS, count(1), use(0x18), OUTPUT, END);
    expect(map).toEqual({
      application: HEADSET,
      buttons: {},
      lights: { ring: { reportId: 0, bitOffset: 0, bitSize: 1 } },
      inputReports: [],
      outputReports: [{ reportId: 0, byteLength: 1 }],
    });
  });

  it('sizes a button report by its own input fields, not by other reports or types of that id', () => {
    const map = mapOfBoth(
      HEADSET_APP,
      reportId(1),
      BITS,
      count(1),
      use(0x20),
      INPUT,
      count(7),
      INPUT_PAD,
      // Output report 1 is 2 bytes, feature report 1 is 3, input report 2 is 4: none count.
      count(16),
      OUTPUT_PAD,
      count(24),
      [0xb1, 0x01],
      reportId(2),
      count(32),
      INPUT_PAD,
      END,
    );
    expect(map).toEqual({
      application: HEADSET,
      buttons: { hookSwitch: button(1, 0) },
      lights: {},
      inputReports: [{ reportId: 1, byteLength: 1 }],
      outputReports: [],
    });
  });

  it('lists the light reports by ascending report id, whatever order they are declared in', () => {
    const light = (id: number, usage: number) => [
      ...reportId(id),
      ...count(1),
      ...use(usage),
      ...OUTPUT,
      ...count(7),
      ...OUTPUT_PAD,
    ];
    const map = mapOfBoth(
      HEADSET_APP,
      LED_PAGE,
      BITS,
      light(10, 0x18),
      light(9, 0x09),
      light(2, 0x17),
      END,
    );
    expect(map?.outputReports.map((report) => report.reportId)).toEqual([2, 9, 10]);
  });
});
