/**
 * "An output plays a tone" for the fake device list (fakeMediaDevices.ts), with the thresholds
 * of audioAssertions.ts: audible above -40 dBFS and 30 dB over the floor; silent below -48.
 */
import { expect } from '@playwright/test';
import type { OutputLevels } from './harness/fakeMediaDevices';

export function expectOutputPlays(levels: OutputLevels, hz: number, output: string): void {
  const level = levels.levels[String(hz)] ?? -Infinity;
  expect(levels.elements, `something plays on ${output}`).toBeGreaterThan(0);
  expect(level, `${output} plays ${hz} Hz (floor ${levels.floor.toFixed(1)} dB)`).toBeGreaterThan(
    -40,
  );
  expect(level - levels.floor, `${output}: ${hz} Hz stands above the floor`).toBeGreaterThan(30);
}

/** Nothing at that frequency on the output: no element routed there, or silence on it. */
export function expectOutputSilent(levels: OutputLevels, hz: number, output: string): void {
  const level = levels.levels[String(hz)] ?? -Infinity;
  expect(level, `${output} must not play ${hz} Hz`).toBeLessThan(-48);
}
