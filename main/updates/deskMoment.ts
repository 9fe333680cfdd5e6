import type { DeskState } from '../../common/contract';
import type { DeskMoment } from './UpdateGate';

/** What the update gate needs from a DeskState: is the agent signed in, is a contact open. */
export function deskMoment(state: DeskState): DeskMoment {
  return {
    signedIn: state.session.phase !== 'signedOut',
    // A chat is a contact too: a restart would drop the customer mid-conversation.
    contactActive: state.contacts.length > 0 || state.chats.length > 0,
  };
}
