/** Each tray state has its own image: colour, and shape where colour is not enough. */
import { describe, expect, it } from 'vitest';
import { TRAY_COLORS, trayBitmap } from './trayBitmap';

const pixel = (bitmap: Buffer, size: number, x: number, y: number) => {
  const offset = (y * size + x) * 4;
  return [bitmap[offset + 2], bitmap[offset + 1], bitmap[offset], bitmap[offset + 3]];
};

describe('trayBitmap', () => {
  it('is size x size BGRA with transparent corners and the status colour in the middle', () => {
    const bitmap = trayBitmap('available', 16);
    expect(bitmap.length).toBe(16 * 16 * 4);
    expect(pixel(bitmap, 16, 0, 0)[3]).toBe(0);
    expect(pixel(bitmap, 16, 8, 3)).toEqual([...TRAY_COLORS.available, 255]);
  });

  it('signed out is a ring: hollow in the middle', () => {
    const bitmap = trayBitmap('signedOut', 32);
    expect(pixel(bitmap, 32, 16, 16)[3]).toBe(0);
    expect(pixel(bitmap, 32, 16, 1)[3]).toBe(255);
  });

  it('a lost connection has a white bar across, not only another colour', () => {
    const bitmap = trayBitmap('disconnected', 32);
    expect(pixel(bitmap, 32, 16, 16)).toEqual([255, 255, 255, 255]);
    expect(pixel(bitmap, 32, 16, 4)).toEqual([...TRAY_COLORS.disconnected, 255]);
  });

  it('every state has a colour of its own, except offline and signed out (told apart by shape)', () => {
    const colours = Object.entries(TRAY_COLORS)
      .filter(([icon]) => icon !== 'signedOut')
      .map(([, rgb]) => rgb.join(','));
    expect(new Set(colours).size).toBe(colours.length);
  });
});
