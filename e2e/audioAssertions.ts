/**
 * What "a party hears a tone" means in these tests: the tone's bin stands well above the noise
 * floor and above an audible threshold. "Does not hear" is the opposite, with a wide margin.
 */
import { expect } from '@playwright/test';
import type { ToneLevels } from './harness/audioProbe';

// Measured here (engine.spec and engine-call-control.spec, Chromium 156, 4096-point FFT, the
// maximum over 1.5 s): a tone sent at 0.4 gain arrives at -22 dBFS through Opus (-13 to -22.4
// over 42 readings), with the noise floor between -59 and -97. A tone nobody sends reads at
// most -62.9 while other tones play on the same stream (leakage, 16 readings), and -Infinity
// (or below -150) when the stream carries silence or nothing plays at all. Hearing needs
// > -40 and > floor + 30; not hearing needs < -48: 15 dB above the worst leakage measured,
// 8 dB below the audible threshold, 25 dB below the quietest tone actually heard.
export const AUDIBLE_DB = -40;
const ABOVE_FLOOR_DB = 30;
const SILENT_DB = -48;

export function expectHears(levels: ToneLevels, hz: number, who: string): void {
  const level = levels.levels[String(hz)] ?? -Infinity;
  expect(levels.remoteStreams, `${who} has a remote stream`).toBeGreaterThan(0);
  expect(level, `${who} hears ${hz} Hz (floor ${levels.floor.toFixed(1)} dB)`).toBeGreaterThan(
    AUDIBLE_DB,
  );
  expect(level - levels.floor, `${who}: ${hz} Hz stands above the noise floor`).toBeGreaterThan(
    ABOVE_FLOOR_DB,
  );
}

/**
 * Silence counts only while the far end's stream is there and live: a dropped call, or a page
 * playing nothing at all, measures -Infinity too and would pass any "does not hear".
 */
export function expectDoesNotHear(levels: ToneLevels, hz: number, who: string): void {
  expect(
    levels.remoteStreams,
    `${who}: a live stream from the far end must be playing for silence to mean anything`,
  ).toBeGreaterThan(0);
  const level = levels.levels[String(hz)] ?? -Infinity;
  expect(level, `${who} must not hear ${hz} Hz (floor ${levels.floor.toFixed(1)} dB)`).toBeLessThan(
    SILENT_DB,
  );
}

/**
 * The far end's audio track is gone altogether, as a=sendonly or a=inactive make it: the holder
 * receives nothing. A dropped call looks the same to the probe, so callers also check that the
 * call is still up (no `ended` event) in the same step.
 */
export function expectReceivesNothing(levels: ToneLevels, who: string): void {
  expect(levels.remoteStreams, `${who}: no live stream from the far end`).toBe(0);
}
