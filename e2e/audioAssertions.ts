/**
 * What "a party hears a tone" means in these tests: the tone's bin stands well above the noise
 * floor and above an audible threshold.
 */
import { expect } from '@playwright/test';
import type { ToneLevels } from './harness/audioProbe';

// Measured here: a tone sent at 0.4 gain arrives near -22 dBFS through Opus; the other tones'
// leakage into a bin stays below -50 and the floor near -75. The threshold sits between them.
const AUDIBLE_DB = -40;
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

export function expectDoesNotHear(levels: ToneLevels, hz: number, who: string): void {
  const level = levels.levels[String(hz)] ?? -Infinity;
  expect(level, `${who} must not hear ${hz} Hz (floor ${levels.floor.toFixed(1)} dB)`).toBeLessThan(
    SILENT_DB,
  );
}
