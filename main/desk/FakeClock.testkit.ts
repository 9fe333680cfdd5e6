/** A clock for tests: time moves only when the test says so, timers fire in order. */
import type { Clock, TimerHandle } from './ports';

export class FakeClock implements Clock {
  private current = 1_700_000_000_000;
  private timers: Array<{ at: number; callback: () => void; cancelled: boolean }> = [];

  now(): number {
    return this.current;
  }

  after(ms: number, callback: () => void): TimerHandle {
    const timer = { at: this.current + ms, callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }

  advance(ms: number): void {
    const until = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((timer) => !timer.cancelled && timer.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cancelled = true;
      this.current = due.at;
      due.callback();
    }
    this.current = until;
    this.timers = this.timers.filter((timer) => !timer.cancelled);
  }

  pendingTimers(): number {
    return this.timers.filter((timer) => !timer.cancelled).length;
  }
}
