/**
 * The committed icons (scripts/generateIcons.ts): made from the current SVG, every size the
 * installers need, in containers Windows and macOS can read.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_FOLDER, ICON_SOURCE, PNG_SIZES, sourceHash } from '../generateIcons';
import {
  encodeIcns,
  encodeIco,
  ICNS_TYPES,
  ICO_SIZES,
  pngDimensions,
  readIcns,
  readIco,
} from './iconContainers';
import { renderSvg } from './renderSvg';

const svg = readFileSync(ICON_SOURCE, 'utf8');

describe('the committed icons', () => {
  it('were generated from the current assets/icon.svg (run `npm run icons` after editing it)', () => {
    expect(readFileSync(`${ICON_FOLDER}/source.sha256`, 'utf8').trim()).toBe(sourceHash(svg));
  });

  it('include a Linux PNG of each hicolor size, named by its real size', () => {
    for (const size of PNG_SIZES) {
      const png = readFileSync(`${ICON_FOLDER}/${size}x${size}.png`);
      expect(pngDimensions(png)).toEqual({ width: size, height: size });
    }
  });

  it('include an ICO holding a PNG of each Windows size up to 256', () => {
    const images = readIco(readFileSync('assets/icon.ico'));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const { size, png } of images) {
      expect(pngDimensions(png)).toEqual({ width: size, height: size });
    }
  });

  it('include an ICNS with every PNG element type macOS looks for, each of its size', () => {
    const elements = readIcns(readFileSync('assets/icon.icns'));
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map((entry) => entry.type));
    for (const { type, png } of elements) {
      const size = ICNS_TYPES.find((entry) => entry.type === type)?.size;
      expect(pngDimensions(png)).toEqual({ width: size, height: size });
    }
  });
});

describe('the icon containers', () => {
  const png = (size: number): Buffer => {
    // A real PNG header with the given size is enough: the containers do not decode pixels.
    const header = Buffer.alloc(24);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
    header.write('IHDR', 12, 'ascii');
    header.writeUInt32BE(size, 16);
    header.writeUInt32BE(size, 20);
    return header;
  };

  it('write 256 px as 0 in the ICO entry and read it back as 256', () => {
    const file = encodeIco([{ size: 256, png: png(256) }]);
    expect(file.readUInt8(6)).toBe(0);
    expect(readIco(file)[0]?.size).toBe(256);
  });

  it('refuse an ICO image larger than 256 px', () => {
    expect(() => encodeIco([{ size: 512, png: png(512) }])).toThrow(/1 to 256/);
  });

  it('refuse an ICNS without one of the sizes its element types need', () => {
    expect(() => encodeIcns([{ size: 16, png: png(16) }])).toThrow(/needs a 32 px image/);
  });

  it('refuse to read a PNG size from something that is not a PNG', () => {
    expect(() => pngDimensions(Buffer.from('GIF89a and more bytes here'))).toThrow(/not a PNG/);
  });
});

describe('rendering the SVG', () => {
  it('draws a 64 px PNG whose centre is the icon and whose corner is transparent', async () => {
    const png = (await renderSvg(svg, [64])).get(64);
    expect(png).toBeDefined();
    if (!png) return;
    expect(pngDimensions(png)).toEqual({ width: 64, height: 64 });
    const pixels = rgbaRows(png);
    expect(pixels.alphaAt(0, 0)).toBe(0);
    expect(pixels.alphaAt(32, 32)).toBe(255);
  }, 30_000);
});

/** Enough of a PNG decoder for Chromium's 8-bit RGBA screenshots: alpha at (x, y). */
function rgbaRows(png: Buffer): { alphaAt: (x: number, y: number) => number } {
  const { width } = pngDimensions(png);
  const data: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') data.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'IHDR') {
      expect(png.readUInt8(at + 16)).toBe(8); // bit depth
      expect(png.readUInt8(at + 17)).toBe(6); // RGBA
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y * (stride + 1) < raw.length; y++) {
    const filter = raw[y * (stride + 1)] ?? 0;
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? (line[i - 4] ?? 0) : 0;
      const up = previous[i] ?? 0;
      const upLeft = i >= 4 ? (previous[i - 4] ?? 0) : 0;
      const value = line[i] ?? 0;
      if (filter === 1) line[i] = (value + left) & 0xff;
      else if (filter === 2) line[i] = (value + up) & 0xff;
      else if (filter === 3) line[i] = (value + Math.floor((left + up) / 2)) & 0xff;
      else if (filter === 4) line[i] = (value + paeth(left, up, upLeft)) & 0xff;
    }
    rows.push(line);
    previous = line;
  }
  return { alphaAt: (x, y) => rows[y]?.[x * 4 + 3] ?? -1 };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}
