/**
 * When to load a crashed page again (the engine page, the CCP page). The first crash reloads
 * at once, so a call-free agent barely notices; each further crash in a short run waits
 * longer, so a page that crashes on load does not spin a CPU core; past the cap the app stops
 * trying and says so (the agent restarts it, or IT reads the log). A quiet spell resets it.
 */
export interface RestartBackoffOptions {
  /** Delay before each restart of a run: the first, the second, ... the last repeats. */
  delaysMs: readonly number[];
  /** Restarts allowed in one run; the next crash gives up. */
  cap: number;
  /** A page that stayed up this long ends the run: the next crash is a first one again. */
  quietMs: number;
}

export const ENGINE_RESTARTS: RestartBackoffOptions = {
  delaysMs: [0, 1_000, 5_000, 15_000],
  cap: 5,
  quietMs: 120_000,
};

/** The CCP page holds no calls (the engine does): reload it at once, a few times. */
export const UI_RESTARTS: RestartBackoffOptions = {
  delaysMs: [0, 500, 2_000],
  cap: 5,
  quietMs: 60_000,
};

export type RestartDecision =
  { restart: true; delayMs: number; attempt: number } | { restart: false; attempts: number };

export class RestartBackoff {
  private attempts = 0;
  private lastCrashAt: number | undefined;

  constructor(private readonly options: RestartBackoffOptions) {}

  /** The page crashed at `now`: when to load it again, or not at all. */
  crashed(now: number): RestartDecision {
    if (this.lastCrashAt !== undefined && now - this.lastCrashAt >= this.options.quietMs) {
      this.attempts = 0;
    }
    this.lastCrashAt = now;
    if (this.attempts >= this.options.cap) return { restart: false, attempts: this.attempts };
    const delays = this.options.delaysMs;
    const delayMs = delays[Math.min(this.attempts, delays.length - 1)] ?? 0;
    this.attempts += 1;
    return { restart: true, delayMs, attempt: this.attempts };
  }
}
