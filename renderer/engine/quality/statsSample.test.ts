import { describe, expect, it } from 'vitest';
import { figuresBetween, readStatsSample } from './statsSample';

const stats = (overrides: { lost: number; received: number; fractionLost?: number }) => [
  { type: 'codec', id: 'c1', mimeType: 'audio/opus' },
  {
    type: 'inbound-rtp',
    kind: 'audio',
    id: 'in',
    packetsLost: overrides.lost,
    packetsReceived: overrides.received,
    jitter: 0.012,
  },
  {
    type: 'remote-inbound-rtp',
    kind: 'audio',
    id: 'rin',
    fractionLost: overrides.fractionLost ?? 0,
    roundTripTime: 0.08,
    jitter: 0.004,
  },
  { type: 'transport', id: 't', selectedCandidatePairId: 'p2' },
  { type: 'candidate-pair', id: 'p1', nominated: false, currentRoundTripTime: 0.5 },
  { type: 'candidate-pair', id: 'p2', nominated: true, currentRoundTripTime: 0.07 },
];

describe('stats sample', () => {
  it('reads the audio counters, the jitter and the RTCP round trip', () => {
    expect(readStatsSample(stats({ lost: 3, received: 97 }))).toEqual({
      packetsLost: 3,
      packetsReceived: 97,
      jitterS: 0.012,
      remoteFractionLost: 0,
      remoteJitterS: 0.004,
      rttS: 0.08,
    });
  });

  it('falls back to the selected candidate pair for the round trip', () => {
    const withoutRtcp = stats({ lost: 0, received: 10 }).filter(
      (s) => s.type !== 'remote-inbound-rtp',
    );
    expect(readStatsSample(withoutRtcp).rttS).toBe(0.07);
  });

  it('computes the loss of the interval, not since the call began', () => {
    const first = readStatsSample(stats({ lost: 0, received: 100 }));
    const second = readStatsSample(stats({ lost: 10, received: 190 }));
    expect(figuresBetween(first, second)).toEqual({ lossPct: 10, jitterMs: 12, rttMs: 80 });
  });

  it('takes the worse direction: what the far end reports losing of ours', () => {
    const first = readStatsSample(stats({ lost: 0, received: 100 }));
    const second = readStatsSample(stats({ lost: 0, received: 200, fractionLost: 0.25 }));
    expect(figuresBetween(first, second).lossPct).toBe(25);
  });

  it('reports nothing lost when nothing arrived yet', () => {
    expect(figuresBetween(undefined, readStatsSample([]))).toEqual({ lossPct: 0, jitterMs: 0 });
  });
});
