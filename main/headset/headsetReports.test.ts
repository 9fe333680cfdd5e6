import { describe, expect, it } from 'vitest';
import { fixtureMap, HEADSETS, type FixtureName } from './fixtures.testkit';
import { inputReport, outputReports, readButtons, type LightState } from './headsetReports';
import { mapFromDescriptor } from './readHeadsetDescriptor';
import type { TelephonyMap } from './telephonyMap';
import type { HeadsetLight } from './usages';

/**
 * Where each light is, as the fixtures' README reads the descriptors (report id, bit), written
 * out by hand so the expected bytes do not come from the code under test.
 */
const LIGHT_BITS: Record<
  (typeof HEADSETS)[number],
  Partial<Record<HeadsetLight, [number, number]>>
> = {
  jabra: {
    offHook: [2, 0],
    mute: [2, 1],
    ring: [2, 2],
    hold: [2, 3],
    microphone: [2, 4],
    ringer: [2, 5],
  },
  yealink: {
    offHook: [2, 0],
    mute: [2, 1],
    ring: [2, 2],
    hold: [2, 3],
    microphone: [2, 4],
    ringer: [2, 5],
  },
  sennheiser: {
    mute: [9, 0],
    offHook: [9, 1],
    ring: [9, 2],
    microphone: [9, 3],
    onLine: [9, 4],
    hold: [9, 5],
  },
  poly: { ring: [1, 0], speaker: [2, 0], mute: [3, 0], offHook: [4, 0], hold: [5, 0] },
  epos: {
    ringer: [3, 0],
    offHook: [3, 1],
    microphone: [3, 2],
    ring: [3, 3],
    mute: [3, 4],
    onLine: [3, 5],
    hold: [3, 6],
  },
};
/** Data bytes of each output report after the id byte (README: the Jabra pads to 16 bits). */
const REPORT_BYTES: Record<(typeof HEADSETS)[number], number> = {
  jabra: 2,
  yealink: 2,
  sennheiser: 1,
  poly: 1,
  epos: 1,
};

function expectedReports(device: (typeof HEADSETS)[number], on: LightState): number[][] {
  const bits = LIGHT_BITS[device];
  const ids = [...new Set(Object.values(bits).map(([id]) => id))].sort((a, b) => a - b);
  return ids.map((id) => {
    const report = [id, ...new Array<number>(REPORT_BYTES[device]).fill(0)];
    for (const [name, [lightId, bit]] of Object.entries(bits)) {
      if (lightId === id && on[name as HeadsetLight]) report[1 + (bit >> 3)]! |= 1 << (bit & 7);
    }
    return report;
  });
}

describe('outputReports', () => {
  describe.each(HEADSETS)('%s', (device) => {
    const names = Object.keys(LIGHT_BITS[device]) as HeadsetLight[];
    const combinations = Array.from({ length: 2 ** names.length }, (_, mask) =>
      Object.fromEntries(names.map((name, index) => [name, (mask & (1 << index)) !== 0])),
    );

    it(`writes the right bytes for all ${2 ** names.length} combinations of its lights`, () => {
      const map = fixtureMap(device as FixtureName);
      for (const lights of combinations) {
        const written = outputReports(map, lights).map((r) => [...r]);
        expect(written, JSON.stringify(lights)).toEqual(expectedReports(device, lights));
      }
    });
  });

  it('keeps Off-Hook set when Mute is turned on in the report they share (Jabra)', () => {
    const map = fixtureMap('jabra');
    expect([...outputReports(map, { offHook: true })[0]!]).toEqual([2, 0b01, 0]);
    expect([...outputReports(map, { offHook: true, mute: true })[0]!]).toEqual([2, 0b11, 0]);
  });

  it('writes each Poly light to its own report, so one light never touches another', () => {
    const reports = outputReports(fixtureMap('poly'), { ring: true, hold: true });
    expect(reports.map((r) => [...r])).toEqual([
      [1, 1],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 1],
    ]);
  });
});

describe('readButtons and inputReport', () => {
  it('reads the EPOS hook at bit 2 and mute at bit 5 of report 2', () => {
    const map = fixtureMap('epos');
    expect(readButtons(map, Uint8Array.from([2, 0b0010_0100]))).toEqual({
      hookSwitch: 1,
      flash: 0,
      redial: 0,
      phoneMute: 1,
      drop: 0,
    });
  });

  it('reads nothing from a report that carries no telephony button (EPOS volume report 1)', () => {
    expect(readButtons(fixtureMap('epos'), Uint8Array.from([1, 0xff]))).toEqual({});
  });

  it('builds the report a press sends: Sennheiser hook off-hook is report 8, bit 1', () => {
    expect([...inputReport(fixtureMap('sennheiser'), { hookSwitch: 1 })]).toEqual([8, 0b10]);
  });

  it('builds a whole two-byte Jabra report with the mute bit set', () => {
    expect([...inputReport(fixtureMap('jabra'), { phoneMute: 1 })]).toEqual([2, 0b100, 0]);
  });

  it('refuses to build a report for a button the device does not have', () => {
    expect(() => inputReport(fixtureMap('poly'), { drop: 1 })).toThrow(/no single input report/);
  });

  it('refuses to build one report for buttons that sit in two reports, naming them', () => {
    expect(() => inputReport(TWO_INPUT_REPORTS, { hookSwitch: 1, phoneMute: 1 })).toThrow(
      'no single input report carries hookSwitch, phoneMute',
    );
    expect([...inputReport(TWO_INPUT_REPORTS, { phoneMute: 1 })]).toEqual([2, 1]);
  });
});

/** A hand-made map read from bytes: the head of a Telephony Headset collection, 0..1 bits. */
function mapOf(...body: number[]): TelephonyMap {
  const head = [0x05, 0x0b, 0x09, 0x05, 0xa1, 0x01, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01];
  const reading = mapFromDescriptor(Uint8Array.from([...head, ...body, 0xc0]));
  if (!reading.ok) throw new Error(reading.reason);
  return reading.map;
}

/** Hook switch in input report 1, mute in input report 2. */
const TWO_INPUT_REPORTS = mapOf(
  ...[0x85, 0x01, 0x95, 0x01, 0x09, 0x20, 0x81, 0x22, 0x95, 0x07, 0x81, 0x01],
  ...[0x85, 0x02, 0x95, 0x01, 0x09, 0x2f, 0x81, 0x06, 0x95, 0x07, 0x81, 0x01],
);

/** No Report ID item: one input report (hook, mute, pad) and one output report (Mute LED, pad). */
const UNNUMBERED = mapOf(
  ...[0x95, 0x01, 0x09, 0x20, 0x81, 0x22, 0x09, 0x2f, 0x81, 0x06, 0x95, 0x06, 0x81, 0x01],
  ...[0x05, 0x08, 0x09, 0x09, 0x95, 0x01, 0x91, 0x22, 0x95, 0x07, 0x91, 0x01],
);

describe('a headset that numbers no reports', () => {
  it('reads its buttons from the first byte, which is data, not a report id', () => {
    expect(readButtons(UNNUMBERED, Uint8Array.from([0b11]))).toEqual({
      hookSwitch: 1,
      phoneMute: 1,
    });
    expect(readButtons(UNNUMBERED, Uint8Array.from([0b10]))).toEqual({
      hookSwitch: 0,
      phoneMute: 1,
    });
  });

  it('builds its input report without an id byte', () => {
    expect([...inputReport(UNNUMBERED, { hookSwitch: 1 })]).toEqual([0b01]);
    expect([...inputReport(UNNUMBERED, { phoneMute: 1 })]).toEqual([0b10]);
  });

  it('writes its lights after a 0 report id, as node-hid takes an unnumbered report', () => {
    expect(outputReports(UNNUMBERED, { mute: true }).map((r) => [...r])).toEqual([[0, 1]]);
  });
});
