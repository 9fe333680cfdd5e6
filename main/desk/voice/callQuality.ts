/**
 * The audio quality indicator of one leg (D3): the engine's WebRTC figures plus a rating.
 *
 * The rating bands follow ITU-T G.107's mapping of MOS to user satisfaction: 4.0 and above is
 * "satisfied" (good), 3.6 up to 4.0 is "some users dissatisfied" (fair), below 3.6 "many users
 * dissatisfied" (poor). A narrowband call with no impairment scores about 4.4, so "good" is a
 * call with little to fix, and "poor" is where an agent should expect complaints.
 */
import type { CallQuality, EngineEvent } from '../../../common/contract';

/** Lowest MOS rated good. */
export const GOOD_MOS = 4.0;
/** Lowest MOS rated fair; anything below is poor. */
export const FAIR_MOS = 3.6;

export function qualityRating(mos: number): CallQuality['rating'] {
  if (mos >= GOOD_MOS) return 'good';
  if (mos >= FAIR_MOS) return 'fair';
  return 'poor';
}

export function callQuality(event: Extract<EngineEvent, { type: 'quality' }>): CallQuality {
  return {
    mos: event.mos,
    rating: qualityRating(event.mos),
    lossPct: event.lossPct,
    jitterMs: event.jitterMs,
    ...(event.rttMs !== undefined ? { rttMs: event.rttMs } : {}),
  };
}
