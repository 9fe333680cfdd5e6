/**
 * What the parts of main around the desk report for the snapshot, shown as they are: the
 * headset in use (the headset hub), the audio devices (AudioDevices), the desktop preferences
 * (DesktopPreferences), softphone or desk phone (DeskPhoneSetting), a downloaded update
 * (AppUpdates) and the recordings folder (RecordingsFolder). The desk reads two of them for
 * its own decisions: the microphone before Available (B4) and the desk phone for offers (B3).
 */
import type { DeskState } from '../../common/contract';

export type SurroundingKey =
  'headset' | 'audio' | 'desktop' | 'deskPhone' | 'update' | 'recordingsFolder';

export type Surroundings = Partial<Pick<DeskState, SurroundingKey>>;

export class DeskSurroundings {
  private parts: Surroundings = {};

  /** Its owner's latest report; undefined takes the part out of the snapshot. */
  set<K extends SurroundingKey>(key: K, value: DeskState[K]): void {
    const next = { ...this.parts };
    if (value === undefined) delete next[key];
    else next[key] = value;
    this.parts = next;
  }

  get<K extends SurroundingKey>(key: K): Surroundings[K] {
    return this.parts[key];
  }

  /** The parts reported so far, for the snapshot. */
  snapshot(): Surroundings {
    return this.parts;
  }
}
