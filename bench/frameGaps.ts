/**
 * The UI's frame time as the bench reads it: the gaps between animation frames for `durationMs`,
 * optionally scrolling an element from top to bottom over that time (the chat transcript).
 */
import type { Page } from '@playwright/test';
import { summarize, type Summary } from './stats';

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

/**
 * The frame rows of one measurement. Headless Chromium paces animation frames to a 60 Hz
 * display, so a frame gap cannot fall below 16.7 ms however little a frame costs: the gaps'
 * median and p95 sit at that interval when every frame is on time. What the work shows as is a
 * frame missing its interval: a gap of two or more intervals. So beside the gaps, the frames
 * missed (gaps over 1.5 intervals) and the longest gap.
 */
export function frameRows(name: string, gaps: readonly number[]): Record<string, Summary | number> {
  const interval = summarize(gaps).median;
  return {
    [`uiFrameMs.${name}`]: summarize(gaps),
    [`uiFramesMissed.${name}`]: gaps.filter((gap) => gap > interval * 1.5).length,
    [`uiFrameMaxMs.${name}`]: Math.round(Math.max(...gaps) * 10) / 10,
  };
}
