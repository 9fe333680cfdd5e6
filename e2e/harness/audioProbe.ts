/**
 * The microphone and the ear of a test party.
 *
 * A real microphone cannot exist on a CI machine, so each page's getUserMedia is replaced by
 * an OscillatorNode at the party's own frequency (same interface: a MediaStream with one audio
 * track). The ear wraps RTCPeerConnection to keep every remote stream and measures it with an
 * AnalyserNode, so a test can prove which tones a party actually receives.
 * `installAudioProbe` runs inside the page (addInitScript) and must stay self-contained.
 */
export interface ToneLevels {
  /** Strongest level seen at each asked frequency, in dBFS. */
  readonly levels: Record<string, number>;
  /** Level of a band where no party sends anything: the noise floor. */
  readonly floor: number;
  readonly remoteStreams: number;
}

export interface AudioProbe {
  measure(frequencies: number[], durationMs: number): Promise<ToneLevels>;
  setMicrophoneGain(gain: number): void;
}

declare global {
  interface Window {
    __audioProbe?: AudioProbe;
  }
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
    value: async () => {
      if (context.state !== 'running') await context.resume();
      // A clone per call: the softphone stops its tracks when a call ends.
      return new MediaStream(microphone.stream.getAudioTracks().map((track) => track.clone()));
    },
  });

  const remoteStreams: MediaStream[] = [];
  const NativePeerConnection = window.RTCPeerConnection;
  class ProbedPeerConnection extends NativePeerConnection {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      this.addEventListener('track', (event) => {
        // Forget the streams of ended calls, so the probe itself does not grow over a long run.
        for (let index = remoteStreams.length - 1; index >= 0; index -= 1) {
          if (
            remoteStreams[index]!.getAudioTracks().every((track) => track.readyState === 'ended')
          ) {
            remoteStreams.splice(index, 1);
          }
        }
        remoteStreams.push(event.streams[0] ?? new MediaStream([event.track]));
      });
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;

  const NOISE_HZ = 3700;
  window.__audioProbe = {
    setMicrophoneGain(value) {
      gain.gain.value = value;
    },
    async measure(frequencies, durationMs) {
      if (context.state !== 'running') await context.resume();
      const live = remoteStreams.filter((stream) =>
        stream.getAudioTracks().some((t) => t.readyState === 'live'),
      );
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
