import { describe, expect, it } from 'vitest';
import { levelOf } from './MicrophoneMeter';

function sine(amplitude: number, length = 2048): Float32Array {
  return Float32Array.from({ length }, (_, index) => amplitude * Math.sin(index / 7));
}

describe('levelOf', () => {
  it('is 0 for digital silence', () => {
    expect(levelOf(new Float32Array(2048))).toBe(0);
  });

  it('is 0 for hiss below -60 dBFS', () => {
    expect(levelOf(sine(0.0005))).toBe(0);
  });

  it('is 1 for a full-scale square wave (0 dBFS RMS)', () => {
    expect(levelOf(Float32Array.from({ length: 2048 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1);
  });

  it('puts a -20 dBFS RMS signal two thirds of the way up', () => {
    // A sine's RMS is its amplitude / sqrt(2): amplitude 0.1 * sqrt(2) has RMS 0.1, -20 dBFS.
    expect(levelOf(sine(0.1 * Math.SQRT2))).toBeCloseTo(0.67, 1);
  });

  it('rises with the signal', () => {
    expect(levelOf(sine(0.4))).toBeGreaterThan(levelOf(sine(0.04)));
  });
});
