/**
 * Main's clock in the soak when it takes heap snapshots of main (BENCH_SOAK_CENSUS=1). A
 * snapshot stops this whole process for seconds, and the timers that come due meanwhile then
 * run before the messages that arrived: the engine supervisor's 3 s deadline would find no pong
 * and restart a healthy engine. Here a timer that was waiting during a freeze waits that much
 * longer, as if main's time had stopped too. Only the bench uses it; the product keeps its
 * deadlines as they are.
 */
import type { Clock, TimerHandle } from '../main/desk/ports';

export class FreezeTolerantClock implements Clock {
  /** How long this process has been frozen by `frozen`, in all. */
  private frozenMs = 0;

  now(): number {
    return Date.now();
  }

  after(ms: number, callback: () => void): TimerHandle {
    let timer: NodeJS.Timeout;
    const arm = (wait: number): void => {
      const armedAt = performance.now();
      const frozenAtArm = this.frozenMs;
      timer = setTimeout(() => {
        // The time that passed while main could run: frozen time does not count.
        const ran = performance.now() - armedAt - (this.frozenMs - frozenAtArm);
        if (ran < wait) arm(wait - ran);
        else callback();
      }, wait);
    };
    arm(ms);
    return { cancel: () => clearTimeout(timer) };
  }

  /** Runs `freeze`, which blocks the process, and has the pending timers wait as long. */
  frozen<T>(freeze: () => T): T {
    const start = performance.now();
    try {
      return freeze();
    } finally {
      this.frozenMs += performance.now() - start;
    }
  }
}
