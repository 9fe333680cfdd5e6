/** A window reopens where the agent left it, unless that place is no longer on a display. */
import { describe, expect, it } from 'vitest';
import { placeWindow } from './windowPlacement';

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const monitorRight = { x: 1440, y: 0, width: 1920, height: 1040 };
const size = { width: 360, height: 620 };

describe('placeWindow', () => {
  it('no saved place: centred on the primary display at the default size', () => {
    expect(placeWindow(undefined, [laptop], size)).toEqual({
      x: 540,
      y: 120,
      width: 360,
      height: 620,
    });
  });

  it('a saved place on a display that is still there is kept exactly', () => {
    const saved = { x: 2900, y: 300, width: 400, height: 700 };
    expect(placeWindow(saved, [laptop, monitorRight], size)).toEqual(saved);
  });

  it('a saved place on a monitor unplugged since: centred on the primary, at its saved size', () => {
    const saved = { x: 2900, y: 300, width: 400, height: 700 };
    expect(placeWindow(saved, [laptop], size)).toEqual({ x: 520, y: 80, width: 400, height: 700 });
  });

  it('a title bar only a few pixels on screen does not count as reachable', () => {
    const saved = { x: 1430, y: 100, width: 360, height: 620 };
    expect(placeWindow(saved, [laptop], size)).toEqual({ x: 540, y: 120, width: 360, height: 620 });
  });

  it('a title bar above the top of the display is not reachable either', () => {
    const saved = { x: 100, y: -200, width: 360, height: 620 };
    expect(placeWindow(saved, [laptop], size).y).toBe(120);
  });

  it('a window taller than the display now (lower resolution) is shrunk and pulled inside', () => {
    const saved = { x: 100, y: 500, width: 360, height: 1000 };
    expect(placeWindow(saved, [laptop], size)).toEqual({ x: 100, y: 0, width: 360, height: 860 });
  });

  it('a window hanging off the right edge but with its title bar reachable is pulled inside', () => {
    const saved = { x: 1300, y: 100, width: 360, height: 620 };
    expect(placeWindow(saved, [laptop], size)).toEqual({
      x: 1080,
      y: 100,
      width: 360,
      height: 620,
    });
  });
});
