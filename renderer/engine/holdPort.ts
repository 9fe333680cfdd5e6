/** Binds a call's HoldNegotiator to its JsSIP session and its outgoing audio. */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { HoldPort } from './HoldNegotiator';
import { rollbackLocalOffer, sendReinvite, setLocalHold } from './jssipInternals';
import type { OutgoingAudio } from './OutgoingAudio';

export function holdPortFor(session: RTCSession, audio: OutgoingAudio): HoldPort {
  return {
    isReadyToReOffer: () => session.isReadyToReOffer(),
    applyLocally: (held) => {
      setLocalHold(session, held);
      audio.setHeld(held);
    },
    reinvite: () => sendReinvite(session),
    rollback: () => rollbackLocalOffer(session),
    // The UA that sent the initial INVITE generated the Call-ID.
    ownsCallId: () => session.direction === 'outgoing',
  };
}
