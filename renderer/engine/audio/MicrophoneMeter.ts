/**
 * The settings screen's microphone level (B1), measured here because only the engine holds the
 * microphone. While a call sends from a microphone the meter reads that very track (what the
 * customer hears, silent when muted); otherwise it opens the chosen microphone itself, and
 * lets it go as soon as the meter stops or a call's track can be read instead. The level is
 * the RMS of the last ~43 ms (AnalyserNode, 2048 samples at 48 kHz) on a dB scale from -60 dBFS
 * (0) to full scale (1), so speech moves the bar and background hiss does not.
 */
import { METER_INTERVAL_MS, type EngineEvent } from '../../../common/contract';
import { MICROPHONE_CONSTRAINTS, type MicrophoneSource } from './microphone';

/** Below this the bar is empty (room noise on a good headset sits around -70 dBFS). */
const FLOOR_DB = -60;

export class MicrophoneMeter {
  private timer: ReturnType<typeof setInterval> | undefined;
  private context: AudioContext | undefined;
  private analyser: AnalyserNode | undefined;
  private source: MediaStreamAudioSourceNode | undefined;
  /** The track feeding the analyser now. */
  private measured: MediaStreamTrack | undefined;
  /** The microphone the meter opened itself (no call had one). */
  private own: MediaStream | undefined;
  private opening = false;
  private lastReported: number | undefined;
  private samples: Float32Array<ArrayBuffer> | undefined;

  constructor(
    private readonly microphone: MicrophoneSource,
    /** The microphone track a live call sends, if any. */
    private readonly callMicrophone: () => MediaStreamTrack | undefined,
    private readonly report: (event: EngineEvent) => void,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.lastReported = undefined;
    this.timer = setInterval(() => this.tick(), METER_INTERVAL_MS);
    this.follow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.disconnect();
    this.release();
  }

  /** Main chose another microphone: the one the meter opened itself is opened again. */
  rerouted(): void {
    if (!this.own) return;
    this.release();
    if (this.running) this.follow();
  }

  private tick(): void {
    this.follow();
    const level = this.measure();
    // Unchanged readings (a silent microphone) cost no IPC.
    if (level === this.lastReported) return;
    this.lastReported = level;
    this.report({ type: 'microphone-level', level });
  }

  /** Reads the call's track when there is one, else the meter's own microphone. */
  private follow(): void {
    const callTrack = live(this.callMicrophone());
    if (callTrack) {
      this.release();
      if (this.measured !== callTrack) this.connect(callTrack);
      return;
    }
    const ownTrack = live(this.own?.getAudioTracks()[0]);
    if (ownTrack) {
      if (this.measured !== ownTrack) this.connect(ownTrack);
      return;
    }
    this.release();
    this.disconnect();
    this.open();
  }

  private open(): void {
    if (this.opening) return;
    this.opening = true;
    this.microphone.getUserMedia(MICROPHONE_CONSTRAINTS).then(
      (stream) => {
        this.opening = false;
        if (!this.running || this.own) {
          for (const track of stream.getTracks()) track.stop();
          return;
        }
        this.own = stream;
        this.follow();
      },
      (error: unknown) => {
        // No microphone or no access: the bar stays empty; the settings screen already says why.
        this.opening = false;
        console.warn('OpenCCP engine: the meter could not open the microphone', error);
      },
    );
  }

  private connect(track: MediaStreamTrack): void {
    this.disconnect();
    this.context ??= new AudioContext();
    void this.context.resume().catch(() => undefined);
    this.analyser ??= this.context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.source = this.context.createMediaStreamSource(new MediaStream([track]));
    this.source.connect(this.analyser);
    this.measured = track;
  }

  private disconnect(): void {
    this.source?.disconnect();
    this.source = undefined;
    this.measured = undefined;
  }

  private release(): void {
    if (!this.own) return;
    if (this.measured && this.own.getTracks().includes(this.measured)) this.disconnect();
    for (const track of this.own.getTracks()) track.stop();
    this.own = undefined;
  }

  private measure(): number {
    if (!this.analyser || !this.measured) return 0;
    this.samples ??= new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(this.samples);
    return levelOf(this.samples);
  }
}

/** RMS of the samples on the meter's scale, to two decimals (0 below FLOOR_DB, 1 at 0 dBFS). */
export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  if (rms === 0) return 0;
  const db = 20 * Math.log10(rms);
  const level = Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
  return Math.round(level * 100) / 100;
}

function live(track: MediaStreamTrack | undefined): MediaStreamTrack | undefined {
  return track?.readyState === 'live' ? track : undefined;
}
