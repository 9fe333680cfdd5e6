import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUALITY_SAMPLE_MS, QualityMonitor } from './QualityMonitor';
import type { QualityFigures } from './QualityReportGate';

/** A connection whose counters the test moves between samples. */
function fakeConnection() {
  const state = { lost: 0, received: 0, jitter: 0.002, rtt: 0.02, closed: false };
  const connection = {
    get connectionState() {
      return state.closed ? 'closed' : 'connected';
    },
    getStats: () =>
      Promise.resolve(
        new Map<string, Record<string, unknown>>([
          [
            'in',
            {
              type: 'inbound-rtp',
              kind: 'audio',
              packetsLost: state.lost,
              packetsReceived: state.received,
              jitter: state.jitter,
            },
          ],
          ['rin', { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: state.rtt }],
        ]),
      ),
  };
  return { state, connection: connection as unknown as RTCPeerConnection };
}

describe('QualityMonitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('samples every two seconds and reports the first reading and real changes only', async () => {
    const { state, connection } = fakeConnection();
    const reports: QualityFigures[] = [];
    const monitor = new QualityMonitor(connection, (figures) => reports.push(figures));
    monitor.start();

    state.received = 100;
    await vi.advanceTimersByTimeAsync(QUALITY_SAMPLE_MS);
    expect(reports).toEqual([{ mos: expect.closeTo(4.4, 1), lossPct: 0, jitterMs: 2, rttMs: 20 }]);

    state.received = 200;
    await vi.advanceTimersByTimeAsync(QUALITY_SAMPLE_MS);
    expect(reports).toHaveLength(1);

    // 10 of the next 100 packets lost, and a slow round trip: worth telling.
    state.lost = 10;
    state.received = 290;
    state.rtt = 0.4;
    await vi.advanceTimersByTimeAsync(QUALITY_SAMPLE_MS);
    expect(reports).toHaveLength(2);
    expect(reports[1]).toMatchObject({ lossPct: 10, rttMs: 400 });
    expect(reports[1]!.mos).toBeLessThan(reports[0]!.mos - 0.5);
  });

  it('stops with the call', async () => {
    const { state, connection } = fakeConnection();
    const reports: QualityFigures[] = [];
    const monitor = new QualityMonitor(connection, (figures) => reports.push(figures));
    monitor.start();
    monitor.stop();
    state.received = 100;
    await vi.advanceTimersByTimeAsync(QUALITY_SAMPLE_MS * 10);
    expect(reports).toEqual([]);
  });

  it('says nothing about a closed connection', async () => {
    const { state, connection } = fakeConnection();
    const reports: QualityFigures[] = [];
    new QualityMonitor(connection, (figures) => reports.push(figures)).start();
    state.closed = true;
    await vi.advanceTimersByTimeAsync(QUALITY_SAMPLE_MS * 10);
    expect(reports).toEqual([]);
  });
});
