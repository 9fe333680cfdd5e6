/**
 * What "a plain phone's user hears a tone" means: the tone's level in what baresip played out
 * over the window, measured by Goertzel (see support/wavTone.ts), on a call still up.
 */
import { expect } from '@playwright/test';

export interface PhoneLevels {
  levels: Record<string, number>;
  /** Seconds of played-out audio in the window. */
  seconds: number;
  /** Calls the phone had established at the end of the window. */
  establishedCalls: number;
}

const AUDIBLE_DB = -40;
const SILENT_DB = -55;

export function expectPhoneHears(heard: PhoneLevels, hz: number, who: string): void {
  expect(heard.seconds, `${who} played audio`).toBeGreaterThan(0.5);
  expect(heard.levels[String(hz)], `${who} hears ${hz} Hz`).toBeGreaterThan(AUDIBLE_DB);
}

/** Silence counts only on a call that is still up: a dropped call is silent too. */
export function expectPhoneDoesNotHear(heard: PhoneLevels, hz: number, who: string): void {
  expect(heard.establishedCalls, `${who} still has a call up`).toBeGreaterThan(0);
  expect(heard.levels[String(hz)] ?? -Infinity, `${who} must not hear ${hz} Hz`).toBeLessThan(
    SILENT_DB,
  );
}
