/**
 * Plays a call's remote audio. A media element rather than only WebAudio because Chromium
 * delivers a remote WebRTC track's samples (to the speaker and to a conference mix) only while
 * the stream is attached to an element.
 */
import { speakerOutput } from './SpeakerOutput';

export class RemoteAudio {
  private readonly element: HTMLAudioElement;
  private current: MediaStream | undefined;
  private readonly releaseSpeaker: () => void;

  constructor(connection: RTCPeerConnection) {
    this.element = document.createElement('audio');
    this.element.autoplay = true;
    this.element.dataset.role = 'remote-audio';
    document.body.append(this.element);
    // Plays on the agent's chosen speaker, and follows it when it changes mid-call.
    this.releaseSpeaker = speakerOutput.attach(this.element);
    connection.addEventListener('track', (event) => {
      const [stream] = event.streams;
      this.current = stream ?? new MediaStream([event.track]);
      this.element.srcObject = this.current;
      void this.element.play().catch(() => {
        // Autoplay is granted to the engine window; a refusal here only delays playback.
      });
    });
  }

  /**
   * Whether the PC plays this far end. Muted, the element still receives the stream, so the
   * far end keeps feeding a local mix (Chromium feeds Web Audio from a remote track only while
   * an element holds it).
   */
  setAudible(audible: boolean): void {
    this.element.muted = !audible;
  }

  /** The far end's audio as it plays here, for the conference mix. */
  get stream(): MediaStream | undefined {
    return this.current;
  }

  dispose(): void {
    this.current = undefined;
    this.element.srcObject = null;
    this.element.remove();
    this.releaseSpeaker();
  }
}
