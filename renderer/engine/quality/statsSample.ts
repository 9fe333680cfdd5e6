/**
 * Reads the few WebRTC stats a call's quality needs, and turns two readings into the figures
 * of the interval between them.
 */
import type { NetworkFigures } from './eModel';

/** Cumulative counters and current gauges of one getStats() reading. */
export interface StatsSample {
  /** What we received: cumulative packets lost and received, jitter in seconds. */
  readonly packetsLost: number;
  readonly packetsReceived: number;
  readonly jitterS?: number;
  /** What the far end reported about our stream (RTCP receiver reports). */
  readonly remoteFractionLost?: number;
  readonly remoteJitterS?: number;
  /** Round trip from RTCP, or else from the ICE candidate pair, in seconds. */
  readonly rttS?: number;
}

type Stat = Readonly<Record<string, unknown>>;

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export function readStatsSample(stats: Iterable<Stat>): StatsSample {
  const all = [...stats];
  const audio = (type: string) => all.find((s) => s['type'] === type && s['kind'] === 'audio');
  const inbound = audio('inbound-rtp');
  const remoteInbound = audio('remote-inbound-rtp');
  const selectedPairId = all.find((s) => s['type'] === 'transport')?.['selectedCandidatePairId'];
  const pair =
    all.find((s) => s['type'] === 'candidate-pair' && s['id'] === selectedPairId) ??
    all.find((s) => s['type'] === 'candidate-pair' && s['nominated'] === true);
  const rttS =
    numberOf(remoteInbound?.['roundTripTime']) ?? numberOf(pair?.['currentRoundTripTime']);
  const jitterS = numberOf(inbound?.['jitter']);
  const remoteFractionLost = numberOf(remoteInbound?.['fractionLost']);
  const remoteJitterS = numberOf(remoteInbound?.['jitter']);
  return {
    packetsLost: Math.max(0, numberOf(inbound?.['packetsLost']) ?? 0),
    packetsReceived: numberOf(inbound?.['packetsReceived']) ?? 0,
    ...(jitterS !== undefined ? { jitterS } : {}),
    ...(remoteFractionLost !== undefined ? { remoteFractionLost } : {}),
    ...(remoteJitterS !== undefined ? { remoteJitterS } : {}),
    ...(rttS !== undefined ? { rttS } : {}),
  };
}

/** Loss of the interval (worse of the two directions), jitter and RTT now. */
export function figuresBetween(
  previous: StatsSample | undefined,
  current: StatsSample,
): NetworkFigures {
  const lost = Math.max(0, current.packetsLost - (previous?.packetsLost ?? 0));
  const received = Math.max(0, current.packetsReceived - (previous?.packetsReceived ?? 0));
  const localLossPct = lost + received > 0 ? (100 * lost) / (lost + received) : 0;
  const remoteLossPct = 100 * (current.remoteFractionLost ?? 0);
  const jitterS = Math.max(current.jitterS ?? 0, current.remoteJitterS ?? 0);
  return {
    lossPct: round1(Math.min(100, Math.max(localLossPct, remoteLossPct))),
    jitterMs: round1(jitterS * 1000),
    ...(current.rttS !== undefined ? { rttMs: round1(current.rttS * 1000) } : {}),
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
