/** Closing the CCP window, and reloading crashed pages with backoff and a cap. */
import { describe, expect, it } from 'vitest';
import { closeDecision } from './closeDecision';
import { ENGINE_RESTARTS, RestartBackoff } from './RestartBackoff';

describe('closeDecision', () => {
  it('signed in: the window hides to the tray and the app keeps running', () => {
    expect(closeDecision({ signedIn: true, quitting: false, trayShown: true })).toBe('hideToTray');
  });

  it('signed in without a tray icon: minimized, never hidden where the agent cannot reach it', () => {
    expect(closeDecision({ signedIn: true, quitting: false, trayShown: false })).toBe('minimize');
  });

  it('signed out, or quitting: the window closes', () => {
    expect(closeDecision({ signedIn: false, quitting: false, trayShown: true })).toBe('close');
    expect(closeDecision({ signedIn: true, quitting: true, trayShown: true })).toBe('close');
  });
});

describe('RestartBackoff', () => {
  it('reloads at once the first time, then waits longer for each crash in a row, up to the cap', () => {
    const backoff = new RestartBackoff(ENGINE_RESTARTS);
    const decisions = [0, 1, 2, 3, 4, 5].map((i) => backoff.crashed(1000 + i * 100));
    expect(decisions).toEqual([
      { restart: true, delayMs: 0, attempt: 1 },
      { restart: true, delayMs: 1_000, attempt: 2 },
      { restart: true, delayMs: 5_000, attempt: 3 },
      { restart: true, delayMs: 15_000, attempt: 4 },
      { restart: true, delayMs: 15_000, attempt: 5 },
      { restart: false, attempts: 5 },
    ]);
  });

  it('a page that stayed up for the quiet spell starts a new run: reloaded at once again', () => {
    const backoff = new RestartBackoff(ENGINE_RESTARTS);
    backoff.crashed(0);
    backoff.crashed(10);
    expect(backoff.crashed(10 + ENGINE_RESTARTS.quietMs)).toEqual({
      restart: true,
      delayMs: 0,
      attempt: 1,
    });
  });

  it('just short of the quiet spell still counts as the same run', () => {
    const backoff = new RestartBackoff(ENGINE_RESTARTS);
    backoff.crashed(0);
    expect(backoff.crashed(ENGINE_RESTARTS.quietMs - 1)).toMatchObject({
      attempt: 2,
      delayMs: 1_000,
    });
  });
});
