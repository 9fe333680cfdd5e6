/**
 * How the e2e specs listen: every party's tone at once, measured on any page that carries the
 * audio probe (a TestPhone, or the engine page of the agent's app), after a drain where the
 * test expects silence.
 */
import type { Page } from '@playwright/test';
import { TONES } from './fixtures';
import { measureOn, type ToneLevels } from './harness/audioProbe';
import type { TestPhone } from './harness/TestPhone';

export const ALL_TONES = [TONES.agent, TONES.customer, TONES.third];

/** What a page with the audio probe hears, every party's tone. */
export function measureAll(page: Page): Promise<ToneLevels> {
  return measureOn(page, ALL_TONES);
}

/**
 * Audio already in the jitter buffer keeps playing for a moment after a hold, mute or transfer
 * takes effect. Measured: 600 ms was always enough; a margin on top for a busy machine.
 */
const DRAIN_MS = 700;

/** What each party hears, measured at the same time. */
export function listen<const Phones extends readonly TestPhone[]>(
  ...phones: Phones
): Promise<{ [Index in keyof Phones]: ToneLevels }> {
  return Promise.all(phones.map((phone) => phone.measure(ALL_TONES))) as Promise<{
    [Index in keyof Phones]: ToneLevels;
  }>;
}

/** Lets in-flight audio play out before a window that expects silence. */
export function drain(page: Page): Promise<void> {
  return page.waitForTimeout(DRAIN_MS);
}
