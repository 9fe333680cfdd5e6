/**
 * One call recording in the engine (D9): the agent's microphone mixed with the far end of every
 * call it covers (what the agent says and hears, a conference included: LocalMix), encoded by
 * MediaRecorder as Opus in WebM and handed over in order as it is produced, about once a
 * second, so main writes the file as the call goes and a crash loses at most a second.
 * Hold needs nothing: a held far end is silence in the mix, and the recording goes on.
 */
import { MAX_RECORDING_CHUNK_BASE64 } from '../../../common/contract/recording';
import { LocalMix, type MixedCall } from '../audio/LocalMix';

export type RecordableCall = MixedCall;

export interface RecorderOutput {
  chunk(seq: number, data: string): void;
  ended(chunks: number, error?: string): void;
}

/** Opus in WebM: what Chromium's MediaRecorder writes natively, and any player reads. */
export const RECORDING_MIME_TYPE = 'audio/webm;codecs=opus';
/** How often the encoder hands over what it has (ms). */
const TIMESLICE_MS = 1000;
/** Raw bytes per reported chunk: its base64 stays under the contract's bound. */
const MAX_CHUNK_BYTES = Math.floor((MAX_RECORDING_CHUNK_BASE64 / 4) * 3) - 1024;

export class CallRecorder {
  private readonly mix: LocalMix;
  private readonly encoder: MediaRecorder;
  private seq = 0;
  /** Chunks are converted one after the other, so they reach main in the order produced. */
  private queue: Promise<void> = Promise.resolve();
  private error: string | undefined;
  private stopped = false;

  constructor(
    context: AudioContext,
    private readonly output: RecorderOutput,
  ) {
    this.mix = new LocalMix(context);
    this.encoder = new MediaRecorder(this.mix.stream, {
      mimeType: RECORDING_MIME_TYPE,
      audioBitsPerSecond: 32_000,
    });
    this.encoder.addEventListener('dataavailable', (event) => this.enqueue(event.data));
    this.encoder.addEventListener('error', (event) => {
      this.error = `recorder error: ${String((event as ErrorEvent).error ?? event.type)}`;
      this.stop();
    });
    this.encoder.addEventListener('stop', () => {
      this.queue = this.queue.then(() => this.output.ended(this.seq, this.error));
      this.mix.close();
    });
  }

  /** Starts encoding, or goes on with this new set of calls. */
  record(calls: readonly RecordableCall[]): void {
    this.mix.use(calls);
    if (this.encoder.state === 'inactive' && !this.stopped) this.encoder.start(TIMESLICE_MS);
  }

  covers(callId: string): boolean {
    return this.mix.covers(callId);
  }

  /** A call's media changed: feed the mix from what it has now. */
  refresh(): void {
    if (!this.stopped) this.mix.rebuild();
  }

  /** A call ended: the others go on; with none left the recording ends. */
  remove(callId: string): void {
    this.mix.remove(callId);
    if (this.mix.size === 0) this.stop();
  }

  /** Ends the recording: the last chunk, then `ended`. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.encoder.state === 'inactive') {
      this.queue = this.queue.then(() => this.output.ended(this.seq, this.error));
      this.mix.close();
      return;
    }
    this.encoder.stop();
  }

  private enqueue(blob: Blob): void {
    if (blob.size === 0) return;
    this.queue = this.queue
      .then(async () => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        for (let start = 0; start < bytes.length; start += MAX_CHUNK_BYTES) {
          this.output.chunk(this.seq, toBase64(bytes.subarray(start, start + MAX_CHUNK_BYTES)));
          this.seq += 1;
        }
      })
      .catch((error: unknown) => {
        this.error = `chunk lost: ${String(error)}`;
      });
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
