/**
 * The ringer (B1): an offer rings on the ringer device from this hidden engine page, which is
 * started with autoplay allowed, so ringing never waits for a user gesture or a visible window.
 * It stops on accept, reject, missed (main rejects) and when the caller gives up (ended).
 */
import type { Ringtone } from '../../../common/contract';
import { routeTo } from './outputDevice';
import { ringtoneSegments } from './sounds';
import { wavBlob } from './wavClip';

export class Ringer {
  private element: HTMLAudioElement | undefined;
  private url: string | undefined;
  private tone: Ringtone = 'classic';
  private sinkId = '';
  private volume = 0.8;
  /** Calls ringing now: the ring stops when the last of them stops ringing. */
  private readonly ringing = new Set<string>();
  private testing = false;

  configure(options: { ringtone: Ringtone; sinkId: string; volume: number }): void {
    const element = this.ensureElement();
    if (options.ringtone !== this.tone || !this.url) {
      this.tone = options.ringtone;
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = URL.createObjectURL(wavBlob(ringtoneSegments(this.tone)));
      const playing = !element.paused;
      element.src = this.url;
      if (playing) void element.play().catch(() => undefined);
    }
    this.sinkId = options.sinkId;
    this.volume = options.volume;
    element.volume = this.volume;
    routeTo(element, this.sinkId);
  }

  start(callId: string): void {
    this.ringing.add(callId);
    this.play();
  }

  stop(callId: string): void {
    if (!this.ringing.delete(callId)) return;
    if (this.ringing.size === 0 && !this.testing) this.silence();
  }

  /** One ring cycle from the settings screen. */
  test(): void {
    this.testing = true;
    this.play();
    window.setTimeout(() => {
      this.testing = false;
      if (this.ringing.size === 0) this.silence();
    }, 2500);
  }

  private play(): void {
    const element = this.ensureElement();
    if (!this.url)
      this.configure({ ringtone: this.tone, sinkId: this.sinkId, volume: this.volume });
    if (!element.paused) return;
    void element.play().catch((error: unknown) => {
      console.warn('OpenCCP engine: the ringer could not play', error);
    });
  }

  private silence(): void {
    if (!this.element) return;
    this.element.pause();
    // Rewound here, so the next ring starts from its beginning without a seek on the offer's
    // path: a seek is a synchronous trip into the media pipeline, about 3 ms of every offer
    // (the bench's CPU profile of the engine page, BENCH_PROFILE=offer).
    this.element.currentTime = 0;
  }

  private ensureElement(): HTMLAudioElement {
    if (!this.element) {
      this.element = document.createElement('audio');
      this.element.loop = true;
      this.element.dataset.role = 'ringer';
      document.body.append(this.element);
    }
    return this.element;
  }
}
