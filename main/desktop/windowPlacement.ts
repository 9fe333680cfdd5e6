/**
 * Where a window opens (A4): where the agent left it, as long as that place is still on a
 * display. A laptop undocked since yesterday, a monitor unplugged or a resolution change must
 * never leave the CCP or the widget off screen, where the agent cannot reach it: then it opens
 * centred on the primary display, at its remembered size if that fits.
 */
import { z } from 'zod';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

/** How much of the window's top edge must be on a display to count as reachable: its title bar. */
const GRAB_WIDTH = 100;
const GRAB_HEIGHT = 32;

function overlap(a: WindowBounds, b: WindowBounds): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** The display (work area) holding enough of the window's title bar to drag it, if any. */
function displayHolding(
  bounds: WindowBounds,
  workAreas: readonly WindowBounds[],
): WindowBounds | undefined {
  const titleBar = { ...bounds, height: Math.min(bounds.height, GRAB_HEIGHT) };
  return workAreas.find((area) => {
    const seen = overlap(titleBar, area);
    return seen.width >= Math.min(GRAB_WIDTH, bounds.width) && seen.height >= titleBar.height;
  });
}

function fit(size: { width: number; height: number }, area: WindowBounds) {
  return { width: Math.min(size.width, area.width), height: Math.min(size.height, area.height) };
}

/**
 * The bounds to open with. `workAreas[0]` is the primary display's work area (without the
 * taskbar or dock). A saved place that no longer fits is kept at its size, centred there.
 */
export function placeWindow(
  saved: WindowBounds | undefined,
  workAreas: readonly WindowBounds[],
  defaultSize: { width: number; height: number },
): WindowBounds {
  const primary = workAreas[0];
  if (!primary) return { x: 0, y: 0, ...defaultSize };
  if (saved) {
    const display = displayHolding(saved, workAreas);
    if (display) {
      const size = fit(saved, display);
      // Shrunk to the display (a smaller resolution): pulled back inside it as well.
      const x = Math.min(Math.max(saved.x, display.x), display.x + display.width - size.width);
      const y = Math.min(Math.max(saved.y, display.y), display.y + display.height - size.height);
      return { x, y, ...size };
    }
  }
  const size = fit(saved ?? defaultSize, primary);
  return {
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    ...size,
  };
}
