/**
 * The map of every real descriptor in fixtures/, in full. The fixtures' README has an
 * independent reading of each; where this map names a usage differently, the bytes are quoted.
 */
import { describe, expect, it } from 'vitest';
import { usageOf } from './descriptor/reportFields';
import { descriptorBytes, fixtureMap } from './fixtures.testkit';
import { mapFromDescriptor } from './readHeadsetDescriptor';

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
