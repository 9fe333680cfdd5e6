/**
 * The speaker (B1): every element playing a call's far end plays on the chosen device, the new
 * ones as they are created and all of them when the choice changes mid-call.
 * The conference mix needs nothing here: it only feeds what each party is sent; the agent
 * hears every party through that party's own element, which is routed like the others.
 */
import { routeTo } from './outputDevice';
import { BEEP, TEST_SOUND } from './sounds';
import { wavBlob, type ToneSegment } from './wavClip';

export class SpeakerOutput {
  private sinkId = '';
  private readonly elements = new Set<HTMLMediaElement>();

  get deviceId(): string {
    return this.sinkId;
  }

  use(sinkId: string): void {
    this.sinkId = sinkId;
    for (const element of this.elements) routeTo(element, sinkId);
  }

  /** A call's far end starts playing here; `release` when the element goes. */
  attach(element: HTMLMediaElement): () => void {
    this.elements.add(element);
    routeTo(element, this.sinkId);
    return () => this.elements.delete(element);
  }

  /** The auto-accept cue (D2); resolves when it has played. */
  beep(): Promise<void> {
    return this.play(BEEP);
  }

  testSound(): Promise<void> {
    return this.play(TEST_SOUND);
  }

  private async play(segments: ToneSegment[]): Promise<void> {
    const element = document.createElement('audio');
    element.dataset.role = 'speaker-sound';
    const url = URL.createObjectURL(wavBlob(segments, 0.3));
    element.src = url;
    document.body.append(element);
    const release = this.attach(element);
    try {
      await new Promise<void>((resolve, reject) => {
        element.addEventListener('ended', () => resolve(), { once: true });
        element.addEventListener('error', () => reject(new Error('sound failed')), { once: true });
        element.play().catch(reject);
      });
    } finally {
      release();
      element.remove();
      URL.revokeObjectURL(url);
    }
  }
}

/**
 * The engine page's one speaker: the page has one SipEngine, and the call elements are created
 * deep inside call setup (RemoteAudio), where passing it down would touch every layer.
 */
export const speakerOutput = new SpeakerOutput();
