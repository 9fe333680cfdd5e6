/**
 * `npm run icons`: every icon the installers need, from the one source assets/icon.svg.
 *
 *   assets/icons/<n>x<n>.png  Linux (electron-builder's icon folder: hicolor sizes by name)
 *   assets/icon.ico           Windows (exe, installer, shortcuts)
 *   assets/icon.icns          macOS (app bundle, dmg)
 *   assets/icons/source.sha256  the SVG's hash, so a test can tell the outputs are stale
 *
 * The outputs are committed: packaging must not need Chromium. Run this after editing the SVG.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeIcns, encodeIco, ICNS_TYPES, ICO_SIZES } from './icons/iconContainers';
import { renderSvg } from './icons/renderSvg';

export const ICON_SOURCE = 'assets/icon.svg';
export const ICON_FOLDER = 'assets/icons';
/** Linux hicolor sizes; 512 is the largest most desktops use. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export function sourceHash(svg: string): string {
  return createHash('sha256').update(svg).digest('hex');
}

async function main(): Promise<void> {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  const sizes = [
    ...new Set([...PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map((entry) => entry.size)]),
  ];
  const images = await renderSvg(svg, sizes);
  const image = (size: number): Buffer => {
    const png = images.get(size);
    if (!png) throw new Error(`no ${size} px rendering`);
    return png;
  };
  mkdirSync(ICON_FOLDER, { recursive: true });
  for (const size of PNG_SIZES)
    writeFileSync(join(ICON_FOLDER, `${size}x${size}.png`), image(size));
  writeFileSync(
    'assets/icon.ico',
    encodeIco(ICO_SIZES.map((size) => ({ size, png: image(size) }))),
  );
  writeFileSync(
    'assets/icon.icns',
    encodeIcns(
      [...new Set(ICNS_TYPES.map((entry) => entry.size))].map((size) => ({
        size,
        png: image(size),
      })),
    ),
  );
  writeFileSync(join(ICON_FOLDER, 'source.sha256'), `${sourceHash(svg)}\n`);
  console.log(`icons: ${sizes.length} sizes written from ${ICON_SOURCE}`);
}

if (process.argv[1]?.endsWith('generateIcons.ts')) await main();
