/**
 * The microphone main chose (B1): every getUserMedia of a call asks for that device; '' lets
 * the OS pick its default. `label` changes when the OS switches its default, so a call that
 * follows the default moves with it.
 */
import type { MicrophoneSource } from './microphone';

export class ChosenMicrophone implements MicrophoneSource {
  private deviceId = '';
  private label = '';

  constructor(private readonly devices: MicrophoneSource) {}

  /** True when calls must re-open their microphone (another device, or a new default). */
  use(deviceId: string, label: string): boolean {
    const changed = deviceId !== this.deviceId || label !== this.label;
    this.deviceId = deviceId;
    this.label = label;
    return changed;
  }

  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    if (!this.deviceId || typeof constraints.audio !== 'object') {
      return this.devices.getUserMedia(constraints);
    }
    return this.devices.getUserMedia({
      ...constraints,
      audio: { ...constraints.audio, deviceId: { exact: this.deviceId } },
    });
  }
}
