/**
 * The microphone kept open between calls while main asks for it (`microphone-warm`): a call
 * then gets a copy of the open track (MediaStream.clone, well under a millisecond) instead of
 * opening the device itself (getUserMedia: 10 ms with Chromium's fake device here, a device
 * open of tens to hundreds of ms on real hardware). Each call stops its own copy; the open
 * track stays until main says otherwise.
 *
 * Only a call's microphone (MICROPHONE_CONSTRAINTS) is served from it: anything else asked,
 * and every request while the microphone is not warm, goes to the device as before, so a
 * failed warm-up costs a call nothing but the time it always took.
 */
import { MICROPHONE_CONSTRAINTS, type MicrophoneSource } from './microphone';

/** Opening or open; none (undefined) is cold: not wanted, or the device could not be opened. */
type WarmState =
  | { readonly kind: 'opening'; readonly stream: Promise<MediaStream | undefined> }
  | { readonly kind: 'open'; readonly stream: MediaStream };

export class WarmMicrophone implements MicrophoneSource {
  private wanted = false;
  private state: WarmState | undefined;
  /** Bumped by every open and close: a late result of an older open is stopped, not kept. */
  private generation = 0;

  /** `device`: the microphone main chose (ChosenMicrophone). */
  constructor(private readonly device: MicrophoneSource) {}

  /** Main's word: keep the microphone open, or let it go. */
  set(on: boolean): void {
    if (on === this.wanted) return;
    this.wanted = on;
    if (on) this.open();
    else this.close();
  }

  /** Another microphone was chosen: the open one is of the old device. */
  rerouted(): void {
    if (!this.wanted) return;
    this.close();
    this.open();
  }

  /** Where the warm-up stands (diagnostics and tests). */
  get warmth(): 'cold' | WarmState['kind'] {
    return this.state?.kind ?? 'cold';
  }

  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (constraints !== MICROPHONE_CONSTRAINTS) return this.device.getUserMedia(constraints);
    const state = this.state;
    if (state?.kind === 'open') return Promise.resolve(state.stream.clone());
    // Asked again once it lands: a copy if it is held then, the device if it failed or was let go.
    if (state?.kind === 'opening') return state.stream.then(() => this.getUserMedia(constraints));
    return this.device.getUserMedia(constraints);
  }

  private open(): void {
    const generation = ++this.generation;
    const stream = this.device.getUserMedia(MICROPHONE_CONSTRAINTS).then(
      (opened) => {
        if (generation !== this.generation) {
          stopAll(opened);
          return undefined;
        }
        const track = opened.getAudioTracks()[0];
        if (!track || track.readyState !== 'live') {
          stopAll(opened);
          this.state = undefined;
          return undefined;
        }
        this.state = { kind: 'open', stream: opened };
        // Unplugged, or taken by the OS: open the (new) chosen device again, once per loss.
        track.addEventListener('ended', () => this.lost(generation));
        return opened;
      },
      () => {
        // No microphone, refused, busy: calls open their own and report why, as before.
        if (generation === this.generation) this.state = undefined;
        return undefined;
      },
    );
    this.state = { kind: 'opening', stream };
  }

  /** Only the current track's loss counts; letting go (close) makes every older one stale. */
  private lost(generation: number): void {
    if (generation !== this.generation) return;
    this.close();
    this.open();
  }

  private close(): void {
    this.generation += 1;
    if (this.state?.kind === 'open') stopAll(this.state.stream);
    // An open under way stops its stream when it lands (its generation is old).
    this.state = undefined;
  }
}

function stopAll(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
