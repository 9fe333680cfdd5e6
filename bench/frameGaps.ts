/**
 * The UI's frame time as the bench reads it: the gaps between animation frames for `durationMs`,
 * optionally scrolling an element from top to bottom over that time (the chat transcript).
 */
import type { Page } from '@playwright/test';

export function frameGaps(
  page: Page,
  durationMs: number,
  scrollTestId?: string,
): Promise<number[]> {
  return page.evaluate(
    async ([ms, testId]) => {
      const scrolled = testId ? document.querySelector(`[data-testid="${testId}"]`) : null;
      const gaps: number[] = [];
      let last = performance.now();
      const started = last;
      await new Promise<void>((resolve) => {
        const frame = (now: number) => {
          gaps.push(now - last);
          last = now;
          if (scrolled) scrolled.scrollTop = ((now - started) / ms) * scrolled.scrollHeight;
          if (now - started < ms) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      return gaps;
    },
    [durationMs, scrollTestId] as const,
  );
}
