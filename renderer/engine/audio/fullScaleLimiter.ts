/**
 * What keeps a local mix (the call recording, D9, and a supervisor's listen-in, F1) below full
 * scale: the agent and the customer each near -2 dBFS sum to about +4 dBFS, which the encoder
 * would clip (a harsh buzz on every loud overlap). A DynamicsCompressorNode set as a limiter,
 * rather than a fixed gain stage: a gain of 1/N that could never clip would make every normal
 * recording N times quieter (and N changes as a conference grows), while the limiter leaves
 * speech below its threshold alone and only pulls overlapping loud passages down. Chromium's
 * compressor looks 6 ms ahead, so the attack catches a peak before it goes out; its built-in
 * make-up gain (about +3.4 dB with these settings) lifts a lone voice a little and tops out
 * near -2 dBFS at +4 dBFS in.
 */
export const LIMITER = {
  thresholdDb: -6,
  /** A hard knee and the highest ratio the node allows: a limiter, not a gentle compressor. */
  kneeDb: 0,
  ratio: 20,
  attackSec: 0.002,
  releaseSec: 0.2,
} as const;

export function fullScaleLimiter(context: BaseAudioContext): DynamicsCompressorNode {
  return new DynamicsCompressorNode(context, {
    threshold: LIMITER.thresholdDb,
    knee: LIMITER.kneeDb,
    ratio: LIMITER.ratio,
    attack: LIMITER.attackSec,
    release: LIMITER.releaseSec,
  });
}
