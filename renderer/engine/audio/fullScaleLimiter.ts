/**
 * What keeps a local mix (the call recording, D9, and a supervisor's listen-in, F1) below full
 * scale: the agent and the customer each near -2 dBFS sum to about +4 dBFS, which the encoder
 * would clip (a harsh buzz on every loud overlap). A DynamicsCompressorNode set as a limiter,
 * rather than a fixed gain stage: a gain of 1/N that could never clip would make every normal
 * recording N times quieter (and N changes as a conference grows), while the limiter leaves
 * speech below its threshold alone and only pulls overlapping loud passages down.
 *
 * Chromium's compressor is not a brick wall: its built-in make-up gain (about +3.4 dB with
 * these settings) puts the ceiling near -2 dBFS, and a peak that arrives while the gain is
 * still released (its 6 ms look-ahead against a 2 ms attack, plus the Opus decoder's own
 * overshoot on both sides of the mix) went past it: a CI run decoded a peak of 1.02. The trim
 * after it takes that make-up gain back, so a lone voice comes out about as loud as it went in
 * and the ceiling sits near -5 dBFS, leaving the overshoot 5 dB of room.
 */
export const LIMITER = {
  thresholdDb: -6,
  /** A hard knee and the highest ratio the node allows: a limiter, not a gentle compressor. */
  kneeDb: 0,
  ratio: 20,
  attackSec: 0.002,
  releaseSec: 0.2,
  /** Linear gain after the compressor: -3 dB, about its make-up gain. */
  trim: 0.7,
} as const;

/** Sources connect to `input`; `output` connects to whatever consumes the mix. */
export interface FullScaleLimiter {
  readonly input: AudioNode;
  readonly output: AudioNode;
  disconnect(): void;
}

export function fullScaleLimiter(context: BaseAudioContext): FullScaleLimiter {
  const compressor = new DynamicsCompressorNode(context, {
    threshold: LIMITER.thresholdDb,
    knee: LIMITER.kneeDb,
    ratio: LIMITER.ratio,
    attack: LIMITER.attackSec,
    release: LIMITER.releaseSec,
  });
  const trim = new GainNode(context, { gain: LIMITER.trim });
  compressor.connect(trim);
  return {
    input: compressor,
    output: trim,
    disconnect: () => {
      compressor.disconnect();
      trim.disconnect();
    },
  };
}
