/** Binds a call's HoldNegotiator to its JsSIP session and its outgoing audio. */
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { HoldPort } from './HoldNegotiator';
import {
  afterQueuedMediaWork,
  sendReinvite,
  setLocalHold,
  withdrawLocalOffer,
} from './jssipInternals';
import type { OutgoingAudio } from '../audio/OutgoingAudio';

export function holdPortFor(session: RTCSession, audio: OutgoingAudio): HoldPort {
  return {
    isReadyToReOffer: () => session.isReadyToReOffer(),
    applyLocally: (held) => {
      setLocalHold(session, held);
      audio.setHeld(held);
    },
    reinvite: () => {
      // Our own offers always say sendrecv to WebRTC (JsSIP writes the hold direction into
      // the SDP it sends), so withdrawing one never has to restore a receiver; see
      // restoringAnswer.ts. Between offers the direction rests at what answers must keep.
      void afterQueuedMediaWork(session, () => audio.useOfferDirection());
      const outcome = sendReinvite(session);
      void afterQueuedMediaWork(session, () => audio.useRestingDirection());
      return outcome;
    },
    withdraw: () => withdrawLocalOffer(session),
    // The UA that sent the initial INVITE generated the Call-ID.
    ownsCallId: () => session.direction === 'outgoing',
  };
}
