/**
 * What the agent says and hears on a set of calls, mixed into one stream: the agent's
 * microphone once and the far end of each call. The call recording (D9) encodes it and a
 * supervisor's listen-in (F1) is sent it.
 *
 * The destination lives as long as the mix: when a call's media changes (a leg joins, a
 * session is replaced, the microphone is switched) only the sources feeding it are rebuilt,
 * so whatever consumes the stream never notices. A held far end is simply silence.
 * Everything goes through a limiter (fullScaleLimiter), so two loud parties never clip.
 */
import { fullScaleLimiter, type FullScaleLimiter } from './fullScaleLimiter';

/** What the mix reads from a call; the engine's EngineCall behind it. */
export interface MixedCall {
  readonly id: string;
  microphone(): MediaStreamTrack | undefined;
  remoteStream(): MediaStream | undefined;
}

export class LocalMix {
  private readonly destination: MediaStreamAudioDestinationNode;
  /** Every source feeds the limiter, which feeds the destination. */
  private readonly limiter: FullScaleLimiter;
  private sources: AudioNode[] = [];
  private calls: MixedCall[] = [];

  constructor(private readonly context: AudioContext) {
    void context.resume().catch(() => undefined);
    this.destination = context.createMediaStreamDestination();
    this.limiter = fullScaleLimiter(context);
    this.limiter.output.connect(this.destination);
  }

  get stream(): MediaStream {
    return this.destination.stream;
  }

  get size(): number {
    return this.calls.length;
  }

  /** Mixes these calls from now on. */
  use(calls: readonly MixedCall[]): void {
    this.calls = [...calls];
    this.rebuild();
  }

  covers(callId: string): boolean {
    return this.calls.some((call) => call.id === callId);
  }

  /** A call ended: the mix goes on without it. */
  remove(callId: string): void {
    this.use(this.calls.filter((call) => call.id !== callId));
  }

  /** A call's media changed: feed the mix from what it has now. */
  rebuild(): void {
    this.disconnect();
    const connect = (stream: MediaStream | undefined) => {
      if (!stream || stream.getAudioTracks().length === 0) return;
      const source = this.context.createMediaStreamSource(stream);
      source.connect(this.limiter.input);
      this.sources.push(source);
    };
    // One microphone: every call of a conference sends the same voice.
    const microphone = this.calls.map((call) => call.microphone()).find((track) => track);
    connect(microphone ? new MediaStream([microphone]) : undefined);
    for (const call of this.calls) connect(call.remoteStream());
  }

  close(): void {
    this.disconnect();
    this.limiter.disconnect();
    for (const track of this.destination.stream.getTracks()) track.stop();
  }

  private disconnect(): void {
    for (const node of this.sources) node.disconnect();
    this.sources = [];
  }
}
