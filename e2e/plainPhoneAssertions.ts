/**
 * What "a plain phone's user hears a tone" means: the tone's level in the audio baresip
 * decoded, measured by Goertzel over the window (see support/wavTone.ts).
 */
import { expect } from '@playwright/test';

export interface PhoneLevels {
  levels: Record<string, number>;
  /** Seconds of decoded audio in the window: 0 when nothing arrived at all. */
  seconds: number;
}

const AUDIBLE_DB = -40;
const SILENT_DB = -55;

export function expectPhoneHears(heard: PhoneLevels, hz: number, who: string): void {
  expect(heard.seconds, `${who} decoded audio`).toBeGreaterThan(0.5);
  expect(heard.levels[String(hz)], `${who} hears ${hz} Hz`).toBeGreaterThan(AUDIBLE_DB);
}

export function expectPhoneDoesNotHear(heard: PhoneLevels, hz: number, who: string): void {
  expect(heard.levels[String(hz)] ?? -Infinity, `${who} must not hear ${hz} Hz`).toBeLessThan(
    SILENT_DB,
  );
}
