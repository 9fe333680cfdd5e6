/**
 * The engine's sounds. The ringtones loop; each starts with sound, so an offer is heard at once.
 * Frequencies are the ones tests listen for (`RINGTONE_HZ`, `TEST_SOUND_HZ`).
 */
import type { Ringtone } from '../../../common/contract';
import type { ToneSegment } from './wavClip';

/** The frequency each ringtone carries most, for the tests' ears. */
export const RINGTONE_HZ: Readonly<Record<Ringtone, number>> = {
  classic: 440,
  soft: 523,
  chirp: 1200,
};

/** The test sound and the auto-accept beep on the speaker. */
export const TEST_SOUND_HZ = 880;

export function ringtoneSegments(ringtone: Ringtone): ToneSegment[] {
  switch (ringtone) {
    case 'classic':
      // North American ringback pair, 1.2 s on and 1.8 s off.
      return [
        { hz: [440, 480], ms: 1200 },
        { hz: [], ms: 1800 },
      ];
    case 'soft':
      // C5 then E5, gentle.
      return [
        { hz: [523], ms: 500 },
        { hz: [659], ms: 500 },
        { hz: [], ms: 2000 },
      ];
    case 'chirp':
      return [
        { hz: [1200], ms: 120 },
        { hz: [], ms: 80 },
        { hz: [1200], ms: 120 },
        { hz: [], ms: 80 },
        { hz: [1200], ms: 120 },
        { hz: [], ms: 2480 },
      ];
  }
}

export const TEST_SOUND: ToneSegment[] = [{ hz: [TEST_SOUND_HZ], ms: 1500 }];
export const BEEP: ToneSegment[] = [{ hz: [TEST_SOUND_HZ], ms: 180 }];
