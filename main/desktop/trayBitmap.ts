/**
 * The tray icon's pixels, drawn in code so each status has its image at every scale without
 * image files to keep in step: a dot in the status colour; a ring for signed out (nothing can
 * ring); a white bar across it when the connection is lost, so that state is told apart by
 * shape as well as colour (colour-blind agents, monochrome trays).
 * Returns raw BGRA rows, as Electron's nativeImage.createFromBitmap takes them.
 */
import type { TrayIcon } from './trayView';

type Rgb = readonly [number, number, number];

export const TRAY_COLORS: Readonly<Record<TrayIcon, Rgb>> = {
  available: [0x1f, 0x9d, 0x55],
  away: [0xd9, 0x77, 0x06],
  offline: [0x6b, 0x72, 0x80],
  signedOut: [0x6b, 0x72, 0x80],
  ringing: [0x25, 0x63, 0xeb],
  onContact: [0x7c, 0x3a, 0xed],
  disconnected: [0xdc, 0x26, 0x26],
};

export function trayBitmap(icon: TrayIcon, size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const [red, green, blue] = TRAY_COLORS[icon];
  const centre = (size - 1) / 2;
  const radius = size / 2 - 0.5;
  const ringInner = radius - Math.max(1.5, size / 8);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const distance = Math.hypot(x - centre, y - centre);
      // One pixel of soft edge, so the dot is round at 16 px.
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - distance));
      if (coverage === 0) continue;
      if (icon === 'signedOut' && distance < ringInner) continue;
      const bar = icon === 'disconnected' && Math.abs(y - centre) < size / 8;
      const offset = (y * size + x) * 4;
      pixels[offset] = bar ? 0xff : blue;
      pixels[offset + 1] = bar ? 0xff : green;
      pixels[offset + 2] = bar ? 0xff : red;
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
