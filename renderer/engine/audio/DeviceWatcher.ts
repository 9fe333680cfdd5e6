/**
 * Reports the OS's audio devices to main (B1) at start and after every `devicechange`, with
 * whether a microphone can be opened at all (B4). The microphone is opened once at start to
 * find out (and so the OS gives the devices their names); never per call.
 */
import type { AudioDevice, EngineEvent, MicrophoneAccess } from '../../../common/contract';

type DeviceList = Pick<MediaDevices, 'enumerateDevices' | 'getUserMedia' | 'addEventListener'>;

export class DeviceWatcher {
  private access: MicrophoneAccess = 'unknown';
  private reporting: Promise<void> = Promise.resolve();

  constructor(
    private readonly devices: DeviceList,
    private readonly report: (event: EngineEvent) => void,
  ) {}

  start(): void {
    this.devices.addEventListener('devicechange', () => this.refresh());
    this.refresh();
  }

  /** Serialised: two quick devicechanges must not report out of order. */
  refresh(): void {
    this.reporting = this.reporting
      .then(() => this.look())
      .catch((error: unknown) => {
        console.warn('OpenCCP engine: could not list the audio devices', error);
      });
  }

  private async look(): Promise<void> {
    let listed = await this.devices.enumerateDevices();
    const microphones = listed.filter((device) => device.kind === 'audioinput');
    if (microphones.length === 0) {
      this.access = 'none';
    } else if (this.access !== 'granted' || microphones.every((device) => !device.label)) {
      this.access = await this.probe();
      if (this.access === 'granted') listed = await this.devices.enumerateDevices();
    }
    this.report({
      type: 'audio-devices',
      devices: listed.flatMap(audioDevice).slice(0, 64),
      microphoneAccess: this.access,
    });
  }

  private async probe(): Promise<MicrophoneAccess> {
    try {
      const stream = await this.devices.getUserMedia({ audio: true, video: false });
      for (const track of stream.getTracks()) track.stop();
      return 'granted';
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
      if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'none';
      // Busy (NotReadableError) or anything else: the microphone exists; a call will say more.
      return 'unknown';
    }
  }
}

function audioDevice(device: MediaDeviceInfo): AudioDevice[] {
  if (device.kind !== 'audioinput' && device.kind !== 'audiooutput') return [];
  return [
    {
      deviceId: device.deviceId.slice(0, 256),
      groupId: device.groupId.slice(0, 256),
      kind: device.kind,
      label: device.label.slice(0, 256),
    },
  ];
}
