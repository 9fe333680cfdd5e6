import { describe, expect, it } from 'vitest';
import { CallQuality } from '../../../common/contract';
import { callQuality, FAIR_MOS, GOOD_MOS, qualityRating } from './callQuality';

describe('call quality rating', () => {
  it('rates by the G.107 satisfaction bands, boundaries included', () => {
    expect(qualityRating(4.4)).toBe('good');
    expect(qualityRating(GOOD_MOS)).toBe('good');
    expect(qualityRating(3.99)).toBe('fair');
    expect(qualityRating(FAIR_MOS)).toBe('fair');
    expect(qualityRating(3.59)).toBe('poor');
    expect(qualityRating(1)).toBe('poor');
  });

  it('keeps the engine figures and leaves out a missing round-trip time', () => {
    const quality = callQuality({
      type: 'quality',
      callId: 'c',
      mos: 3.2,
      lossPct: 7.5,
      jitterMs: 40,
    });
    expect(quality).toEqual({ mos: 3.2, rating: 'poor', lossPct: 7.5, jitterMs: 40 });
    expect(() => CallQuality.parse(quality)).not.toThrow();
  });
});
