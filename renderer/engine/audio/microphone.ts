/** How the engine opens the agent's microphone, and how it says that failed. */
import { bounded } from '../sip/describeFailure';

/** Where the microphone comes from: navigator.mediaDevices in the app, a tone in tests. */
export interface MicrophoneSource {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
}

export const MICROPHONE_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: false,
};

export function microphoneFailure(error: unknown): string {
  return bounded(`Microphone unavailable: ${error instanceof Error ? error.name : String(error)}`);
}
