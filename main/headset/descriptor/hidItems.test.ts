import { describe, expect, it } from 'vitest';
import { DescriptorError, readItems, signedData } from './hidItems';

describe('readItems', () => {
  it('reads a short item of each data size with its type, tag and little-endian data', () => {
    // Usage Page (1 byte), Logical Maximum (2 bytes), Usage (4 bytes: extended), End Collection.
    const items = readItems(
      Uint8Array.from([0x05, 0x0b, 0x26, 0xff, 0x00, 0x0b, 0x20, 0, 0x0b, 0, 0xc0]),
    );
    expect(items.map(({ type, tag, size, data }) => ({ type, tag, size, data }))).toEqual([
      { type: 'global', tag: 0x0, size: 1, data: 0x0b },
      { type: 'global', tag: 0x2, size: 2, data: 0xff },
      { type: 'local', tag: 0x0, size: 4, data: 0x000b0020 },
      { type: 'main', tag: 0xc, size: 0, data: 0 },
    ]);
  });

  it('skips a long item whole, by its own data size', () => {
    const items = readItems(Uint8Array.from([0xfe, 0x02, 0x10, 0xaa, 0xbb, 0x05, 0x08]));
    expect(items).toHaveLength(2);
    expect(items[0]?.long).toBe(true);
    expect(items[1]).toMatchObject({ type: 'global', data: 0x08, offset: 5 });
  });

  it('refuses a short item whose data is cut off, naming the byte', () => {
    expect(() => readItems(Uint8Array.from([0x05, 0x0b, 0x26, 0xff]))).toThrow(
      new DescriptorError('item cut short', 2),
    );
  });

  it('refuses a long item whose data is cut off', () => {
    expect(() => readItems(Uint8Array.from([0xfe, 0x04, 0x10, 0xaa]))).toThrow(
      /long item cut short/,
    );
  });
});

describe('readItems: reserved and long items', () => {
  it('reads a short item of the reserved type (bType 3) as reserved', () => {
    expect(readItems(Uint8Array.from([0x8d, 0x01]))).toEqual([
      { type: 'reserved', tag: 0x8, size: 1, data: 1, offset: 0, long: false },
    ]);
  });

  it('reads a long item that ends exactly at the end of the descriptor as one reserved item', () => {
    expect(readItems(Uint8Array.from([0x05, 0x0b, 0xfe, 0x02, 0x10, 0xaa, 0xbb]))).toEqual([
      { type: 'global', tag: 0x0, size: 1, data: 0x0b, offset: 0, long: false },
      { type: 'reserved', tag: 0x10, size: 2, data: 0, offset: 2, long: true },
    ]);
  });

  it('refuses a long item cut off before its size or its tag', () => {
    expect(() => readItems(Uint8Array.from([0x05, 0x0b, 0xfe]))).toThrow(
      new DescriptorError('long item cut short', 2),
    );
    expect(() => readItems(Uint8Array.from([0xfe, 0x00]))).toThrow(
      new DescriptorError('long item cut short', 0),
    );
  });
});

describe('signedData', () => {
  it('reads logical limits as two-complement numbers of their own size', () => {
    expect(signedData({ size: 1, data: 0xff })).toBe(-1);
    expect(signedData({ size: 1, data: 0x7f })).toBe(127);
    expect(signedData({ size: 2, data: 0x8000 })).toBe(-32768);
    expect(signedData({ size: 4, data: 0xffffffff })).toBe(-1);
    expect(signedData({ size: 0, data: 0 })).toBe(0);
  });
});
