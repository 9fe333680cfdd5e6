/**
 * The two icon container formats the installers need, written from PNG images: Windows' ICO
 * and macOS' ICNS. Both accept PNG payloads as they are (ICO since Vista, ICNS since 10.7), so
 * each file is a small directory in front of the PNGs the generator already rendered; a
 * library for this would add a dependency for about forty lines of byte layout.
 */

/** A square PNG image and its edge in pixels. */
export interface SizedPng {
  size: number;
  png: Buffer;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
export function pngDimensions(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('not a PNG image');
  }
  if (png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The edges Windows shows: title bars and lists (16-48), tiles and the installer (64-256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** An ICO file: ICONDIR, one 16-byte entry per image, then the PNGs. */
export function encodeIco(images: readonly SizedPng[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1: icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new Error(`ICO images are 1 to 256 pixels, not ${size}`);
    const entry = Buffer.alloc(16);
    // 0 stands for 256: the field is one byte.
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/**
 * ICNS element types holding PNG data, by the pixel edge they hold. The @2x types repeat an
 * edge (ic11 is 16 pt at 2x = 32 px): Finder picks by type, so both are written.
 */
export const ICNS_TYPES: readonly { type: string; size: number }[] = [
  { type: 'icp4', size: 16 },
  { type: 'icp5', size: 32 },
  { type: 'icp6', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic08', size: 256 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic13', size: 256 },
  { type: 'ic14', size: 512 },
];

/** An ICNS file: 'icns' and the total length, then (type, length, PNG) per element. */
export function encodeIcns(images: readonly SizedPng[]): Buffer {
  const bySize = new Map(images.map((image) => [image.size, image.png]));
  const elements = ICNS_TYPES.map(({ type, size }) => {
    const png = bySize.get(size);
    if (!png) throw new Error(`ICNS needs a ${size} px image for ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

/** The (type, PNG) elements of an ICNS file, for tests and checks. */
export function readIcns(file: Buffer): { type: string; png: Buffer }[] {
  if (file.toString('ascii', 0, 4) !== 'icns') throw new Error('not an ICNS file');
  if (file.readUInt32BE(4) !== file.length) throw new Error('ICNS length does not match the file');
  const elements: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    if (length < 8 || at + length > file.length) throw new Error(`bad ICNS element at ${at}`);
    elements.push({
      type: file.toString('ascii', at, at + 4),
      png: file.subarray(at + 8, at + length),
    });
    at += length;
  }
  return elements;
}

/** The (size, PNG) images of an ICO file, for tests and checks. */
export function readIco(file: Buffer): SizedPng[] {
  if (file.readUInt16LE(0) !== 0 || file.readUInt16LE(2) !== 1) throw new Error('not an ICO file');
  const count = file.readUInt16LE(4);
  const images: SizedPng[] = [];
  for (let index = 0; index < count; index++) {
    const entry = 6 + 16 * index;
    const width = file.readUInt8(entry);
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    if (offset + length > file.length) throw new Error(`ICO image ${index} runs past the file`);
    images.push({ size: width === 0 ? 256 : width, png: file.subarray(offset, offset + length) });
  }
  return images;
}
