import { describe, expect, it } from 'vitest';
import { readBits, writeBits } from './reportBits';

describe('reportBits', () => {
  it('reads a 4-bit control that starts mid-byte and crosses into the next byte', () => {
    // Bits 6..9: bit 6 and bit 9 set, so the value is 0b1001.
    expect(readBits(Uint8Array.from([0b0100_0000, 0b0000_0010]), 6, 4)).toBe(0b1001);
  });

  it('writes a 4-bit value across a byte boundary, low bit first, leaving the other bits alone', () => {
    const data = Uint8Array.from([0b0000_0001, 0b1000_0000]);
    writeBits(data, 6, 4, 0b1010);
    expect([...data]).toEqual([0b1000_0001, 0b1000_0010]);
    expect(readBits(data, 6, 4)).toBe(0b1010);
  });

  it('clears the bits of a multi-bit control written with 0', () => {
    const data = Uint8Array.from([0xff]);
    writeBits(data, 2, 3, 0);
    expect([...data]).toEqual([0b1110_0011]);
  });
});
