/**
 * Reading and writing the bits of one control in a report's data (HID reports are
 * little-endian bit fields: bit 0 is the lowest bit of the first data byte).
 */

export function readBits(data: Uint8Array, bitOffset: number, bitSize: number): number {
  let value = 0;
  for (let bit = 0; bit < bitSize; bit++) {
    const at = bitOffset + bit;
    if (((data[at >> 3] ?? 0) >> (at & 7)) & 1) value += 2 ** bit;
  }
  return value;
}

export function writeBits(data: Uint8Array, bitOffset: number, bitSize: number, value: number) {
  for (let bit = 0; bit < bitSize; bit++) {
    const at = bitOffset + bit;
    const mask = 1 << (at & 7);
    const byte = data[at >> 3] ?? 0;
    data[at >> 3] = Math.floor(value / 2 ** bit) % 2 === 1 ? byte | mask : byte & ~mask;
  }
}
