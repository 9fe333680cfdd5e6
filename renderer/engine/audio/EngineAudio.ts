/**
 * The engine's audio devices in one place (B1): the chosen microphone every call opens, the
 * speaker every far end plays on, and the ringer. `route` applies main's choice, during calls
 * too: a new microphone replaces the sender's track (replaceTrack: no re-INVITE, no new SDP),
 * a new speaker moves every far end's element (setSinkId).
 */
import type { AudioRouting } from '../../../common/contract';
import { ChosenMicrophone } from './ChosenMicrophone';
import type { MicrophoneSource } from './microphone';
import { Ringer } from './Ringer';
import { speakerOutput, type SpeakerOutput } from './SpeakerOutput';
import { WarmMicrophone } from './WarmMicrophone';

/** What a call offers to have its microphone switched. */
export interface SwitchableCall {
  readonly id: string;
  reopenMicrophone(source: MicrophoneSource): Promise<boolean>;
}

export class EngineAudio {
  /** The device main chose; calls open it through `microphone`. */
  private readonly chosen: ChosenMicrophone;
  /** What every call opens: the chosen device, or a copy of it kept open (WarmMicrophone). */
  readonly microphone: WarmMicrophone;
  readonly ringer = new Ringer();
  readonly speaker: SpeakerOutput = speakerOutput;

  constructor(devices: MicrophoneSource) {
    this.chosen = new ChosenMicrophone(devices);
    this.microphone = new WarmMicrophone(this.chosen);
  }

  /**
   * `switched` runs for each call once it sends from the new microphone. True when the
   * microphone changed (another device, or a new system default).
   */
  route(
    routing: AudioRouting,
    calls: Iterable<SwitchableCall>,
    switched: (call: SwitchableCall) => void,
  ): boolean {
    this.speaker.use(routing.speaker);
    this.ringer.configure({
      ringtone: routing.ringtone,
      sinkId: routing.ringer,
      volume: routing.ringVolume,
    });
    if (!this.chosen.use(routing.microphone, routing.microphoneLabel)) return false;
    this.microphone.rerouted();
    for (const call of calls) {
      call.reopenMicrophone(this.microphone).then(
        (reopened) => {
          if (reopened) switched(call);
        },
        (error: unknown) => {
          // The old microphone keeps sending; a device that vanished is followed by a new
          // routing from main (the system default) within a devicechange.
          console.warn('OpenCCP engine: could not switch the microphone', error);
        },
      );
    }
    return true;
  }

  testSound(role: 'speaker' | 'ringer'): void {
    if (role === 'ringer') return this.ringer.test();
    this.speaker.testSound().catch((error: unknown) => {
      console.warn('OpenCCP engine: the test sound could not play', error);
    });
  }
}
