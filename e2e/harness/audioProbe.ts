/**
 * The microphone and the ear of a test party.
 *
 * A real microphone cannot exist on a CI machine, so each page's getUserMedia is replaced by
 * an OscillatorNode at the party's own frequency (same interface: a MediaStream with one audio
 * track). The ear measures what the page plays (the streams on its audio elements, i.e. the
 * engine's RemoteAudio) with an AnalyserNode, so a test can prove which tones a party actually
 * hears, and can pick DTMF digits out of it.
 * `installAudioProbe` runs inside the page (addInitScript) and must stay self-contained.
 */
import type { Page } from '@playwright/test';

export interface ToneLevels {
  /** Strongest level seen at each asked frequency, in dBFS. */
  readonly levels: Record<string, number>;
  /** Level of a band where no party sends anything: the noise floor. */
  readonly floor: number;
  /** Streams playing with a live track (0: the party hears nothing at all). */
  readonly remoteStreams: number;
}

export interface AudioProbe {
  measure(frequencies: number[], durationMs: number): Promise<ToneLevels>;
  /**
   * Listens for DTMF in what this party receives (Chromium plays RFC 4733 telephone-events
   * out as tones) and returns the digits heard, in order.
   */
  listenForDtmf(durationMs: number): Promise<string>;
  setMicrophoneGain(gain: number): void;
  /** Signalling state and audio directions of this page's connections, for failure reports. */
  describeConnections(): Promise<string[]>;
}

declare global {
  interface Window {
    __audioProbe?: AudioProbe;
  }
}

/** What a page carrying the probe (a TestPhone, an app's engine page) hears over 1.5 s. */
export function measureOn(
  page: Page,
  frequencies: number[],
  durationMs = 1500,
): Promise<ToneLevels> {
  return page.evaluate(([freqs, ms]) => window.__audioProbe!.measure(freqs, ms), [
    frequencies,
    durationMs,
  ] as const);
}

export function installAudioProbe(toneHz: number): void {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  oscillator.frequency.value = toneHz;
  const gain = context.createGain();
  gain.gain.value = 0.4;
  const microphone = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(microphone);
  oscillator.start();

  Object.defineProperty(navigator.mediaDevices, 'getUserMedia', {
    // Configurable: the fake device list (fakeMediaDevices.ts) may replace it with its own.
    configurable: true,
    value: async () => {
      if (context.state !== 'running') await context.resume();
      // A clone per call: the softphone stops its tracks when a call ends.
      return new MediaStream(microphone.stream.getAudioTracks().map((track) => track.clone()));
    },
  });

  // Kept only to describe the connections when a test fails. A connection leaves the list when
  // it is closed: close() fires no 'connectionstatechange', so waiting for one kept every
  // call's connection, and through its listeners the whole call, alive in the page (the bench
  // counted one RTCPeerConnection and one audio element more after every call).
  const connections: RTCPeerConnection[] = [];
  const forget = (connection: RTCPeerConnection) => {
    const index = connections.indexOf(connection);
    if (index >= 0) connections.splice(index, 1);
  };
  const NativePeerConnection = window.RTCPeerConnection;
  class ProbedPeerConnection extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      connections.push(this);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'closed') forget(this);
      });
    }

    override close(): void {
      forget(this);
      super.close();
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;

  const NOISE_HZ = 3700;
  // What the party hears is what its page plays: the streams on its audio elements (the
  // engine's RemoteAudio). A stream whose track WebRTC removed (hold) plays nothing.
  const liveStreams = () =>
    [...document.querySelectorAll('audio')]
      .map((element) => element.srcObject)
      .filter((stream): stream is MediaStream => stream instanceof MediaStream)
      .filter((stream) => stream.getAudioTracks().some((track) => track.readyState === 'live'));
  // DTMF: one tone from each group (ITU-T Q.23).
  const DTMF_LOW = [697, 770, 852, 941];
  const DTMF_HIGH = [1209, 1336, 1477, 1633];
  const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'];
  // A digit sounds when both its tones stand this loud and this far above their group's others.
  const DTMF_PRESENT_DB = -50;
  const DTMF_DOMINANCE_DB = 10;
  // About 60 ms of silence: shorter than any inter-digit gap (RFC 4733 senders use 50 ms and
  // up; the engine 120 ms), longer than a dropout inside one tone.
  const DTMF_GAP_FRAMES = 4;

  window.__audioProbe = {
    setMicrophoneGain(value) {
      gain.gain.value = value;
    },
    async describeConnections() {
      return Promise.all(
        connections.map(async (connection) => {
          const counters: string[] = [];
          (await connection.getStats()).forEach((stat: Record<string, unknown>) => {
            if (stat['type'] === 'outbound-rtp')
              counters.push(`sent:${String(stat['packetsSent'])}`);
            if (stat['type'] === 'inbound-rtp')
              counters.push(
                `received:${String(stat['packetsReceived'])} level:${String(stat['audioLevel'])} concealed:${String(stat['concealedSamples'])}/${String(stat['totalSamplesReceived'])}`,
              );
          });
          const transceivers = connection.getTransceivers().map((t) => {
            const send = t.sender.track
              ? `${t.sender.track.readyState}${t.sender.track.enabled ? '' : ' disabled'}`
              : 'none';
            const receive = `${t.receiver.track.readyState}${t.receiver.track.muted ? ' muted' : ''}`;
            return `${t.direction}/${t.currentDirection ?? '-'} send:${send} recv:${receive}`;
          });
          return [connection.signalingState, ...transceivers, ...counters].join(' ');
        }),
      );
    },
    async listenForDtmf(durationMs) {
      if (context.state !== 'running') await context.resume();
      const analyser = context.createAnalyser();
      // 2048 samples at 48 kHz: a 43 ms window, short enough to see the gap between digits,
      // 23 Hz bins, fine enough to tell 697 from 770 Hz.
      analyser.fftSize = 2048;
      analyser.smoothingTimeConstant = 0;
      const sources = liveStreams().map((stream) => context.createMediaStreamSource(stream));
      for (const source of sources) source.connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const levelAt = (hz: number) =>
        bins[Math.round(hz / (context.sampleRate / analyser.fftSize))] ?? -Infinity;
      const strongest = (group: number[]) => {
        const levels = group.map(levelAt);
        const best = levels.indexOf(Math.max(...levels));
        const others = levels.filter((_, index) => index !== best);
        return { index: best, level: levels[best]!, margin: levels[best]! - Math.max(...others) };
      };
      let digits = '';
      let previous = '';
      let sameFrames = 0;
      let silentFrames = 0;
      const started = performance.now();
      while (performance.now() - started < durationMs) {
        await new Promise((resolve) => setTimeout(resolve, 15));
        analyser.getFloatFrequencyData(bins);
        const low = strongest(DTMF_LOW);
        const high = strongest(DTMF_HIGH);
        const sounding =
          low.level > DTMF_PRESENT_DB &&
          high.level > DTMF_PRESENT_DB &&
          low.margin > DTMF_DOMINANCE_DB &&
          high.margin > DTMF_DOMINANCE_DB;
        const frame = sounding ? DTMF_KEYS[low.index]![high.index]! : '';
        sameFrames = frame === previous ? sameFrames + 1 : 1;
        previous = frame;
        if (frame === '') {
          silentFrames += 1;
          continue;
        }
        // Two frames in a row make a digit (one frame may straddle a tone's edge); the same
        // digit again needs a real gap first, not a one-frame dropout inside a tone.
        const repeated = digits.endsWith(frame) && silentFrames < DTMF_GAP_FRAMES;
        if (sameFrames === 2 && !repeated) digits += frame;
        if (sameFrames >= 2) silentFrames = 0;
      }
      for (const source of sources) source.disconnect();
      return digits;
    },
    async measure(frequencies, durationMs) {
      if (context.state !== 'running') await context.resume();
      const live = liveStreams();
      const levels: Record<string, number> = {};
      for (const hz of frequencies) levels[String(hz)] = -Infinity;
      let floor = -Infinity;
      if (live.length === 0) return { levels, floor, remoteStreams: 0 };
      const analyser = context.createAnalyser();
      analyser.fftSize = 4096;
      analyser.smoothingTimeConstant = 0;
      const sources = live.map((stream) => context.createMediaStreamSource(stream));
      for (const source of sources) source.connect(analyser);
      const bins = new Float32Array(analyser.frequencyBinCount);
      const binOf = (hz: number) => Math.round(hz / (context.sampleRate / analyser.fftSize));
      const started = performance.now();
      while (performance.now() - started < durationMs) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        analyser.getFloatFrequencyData(bins);
        for (const hz of frequencies) {
          const level = bins[binOf(hz)] ?? -Infinity;
          if (level > (levels[String(hz)] ?? -Infinity)) levels[String(hz)] = level;
        }
        floor = Math.max(floor, bins[binOf(NOISE_HZ)] ?? -Infinity);
      }
      for (const source of sources) source.disconnect();
      return { levels, floor, remoteStreams: live.length };
    },
  };
}
