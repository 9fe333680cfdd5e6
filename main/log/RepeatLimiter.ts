/**
 * Keeps a burst of the same event from flooding the log (and the disk): within each window, the
 * first `maxPerWindow` lines with the same key are written, the rest only counted, and when the
 * window closes one summary line says how many were left out. A flood of 1,000 INVITEs in ten
 * seconds then costs about twenty lines and one summary a second instead of a thousand lines.
 *
 * The key is the message text: every message in the code is a constant ("call offered"), and the
 * varying parts go into the data, so one key is one kind of event. The map of keys is therefore
 * bounded by the messages the code contains, and a key's entry goes away once its window closes.
 */

export interface RepeatLimiterTimers {
  now(): number;
  /** Runs `callback` once after `ms`. The timer must not keep the process alive. */
  after(ms: number, callback: () => void): void;
}

export interface RepeatLimiterOptions<Sample> {
  /** Lines with the same key written per window; the rest are counted. */
  maxPerWindow: number;
  windowMs: number;
  /** A window closed with lines left out: write one line that says so. */
  onSuppressed(sample: Sample, suppressed: number, windowMs: number): void;
  timers?: RepeatLimiterTimers;
}

interface KeyWindow<Sample> {
  /** The window's first line (its level and message), for the summary. */
  sample: Sample;
  startedAt: number;
  written: number;
  suppressed: number;
}

const realTimers: RepeatLimiterTimers = {
  now: () => Date.now(),
  after(ms, callback) {
    setTimeout(callback, ms).unref();
  },
};

export class RepeatLimiter<Sample> {
  private readonly windows = new Map<string, KeyWindow<Sample>>();
  private readonly timers: RepeatLimiterTimers;

  constructor(private readonly options: RepeatLimiterOptions<Sample>) {
    this.timers = options.timers ?? realTimers;
  }

  /** True when the line may be written now; false when it is only counted. */
  admit(key: string, sample: Sample): boolean {
    const now = this.timers.now();
    let window = this.windows.get(key);
    if (window && now - window.startedAt >= this.options.windowMs) {
      // The window's own timer has not run yet (a busy event loop): close it here, in order.
      this.close(key, window);
      window = undefined;
    }
    if (!window) {
      window = { sample, startedAt: now, written: 0, suppressed: 0 };
      this.windows.set(key, window);
      const opened = window;
      this.timers.after(this.options.windowMs, () => {
        if (this.windows.get(key) === opened) this.close(key, opened);
      });
    }
    if (window.written < this.options.maxPerWindow) {
      window.written += 1;
      return true;
    }
    window.suppressed += 1;
    return false;
  }

  /** Writes every pending summary now (the app is quitting or crashing). */
  flush(): void {
    for (const [key, window] of [...this.windows]) this.close(key, window);
  }

  private close(key: string, window: KeyWindow<Sample>): void {
    this.windows.delete(key);
    if (window.suppressed > 0) {
      this.options.onSuppressed(window.sample, window.suppressed, this.options.windowMs);
    }
  }
}
