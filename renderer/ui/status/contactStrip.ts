/**
 * What the status strip says while a contact is open: its state, and on a live call whether
 * the customer is on hold, everyone is (Hold all), or the call is a conference. An agent
 * glancing at the strip must not read "On call" while the customer waits on hold.
 */
import type { Contact } from '../../../common/contract';
import type { MessageKey } from '../shared/messageKey';

export type StatusTone =
  | 'available'
  | 'offline'
  | 'custom'
  | 'incoming'
  | 'active'
  | 'connected'
  | 'hold'
  | 'conference'
  | 'acw'
  | 'missed';

export interface StripModel {
  tone: StatusTone;
  labelKey: MessageKey;
}

function connectedStrip(contact: Contact): StripModel {
  const customerHeld = contact.hold === 'held' && !contact.customerLeft;
  const third = contact.thirdParty;
  if (contact.conference && !customerHeld)
    return { tone: 'conference', labelKey: 'statusStrip.conference' };
  if (customerHeld && third?.hold === 'held')
    return { tone: 'hold', labelKey: 'statusStrip.allOnHold' };
  if (customerHeld) return { tone: 'hold', labelKey: 'statusStrip.customerOnHold' };
  return { tone: 'connected', labelKey: 'contactState.connected' };
}

export function contactStrip(contact: Contact): StripModel {
  switch (contact.state) {
    case 'incoming':
      return {
        tone: 'incoming',
        labelKey: contact.callback ? 'contact.callbackIncomingTitle' : 'contactState.incoming',
      };
    case 'accepting':
      return { tone: 'active', labelKey: 'contactState.accepting' };
    case 'dialing':
      return { tone: 'active', labelKey: 'contactState.dialing' };
    case 'connected':
      return connectedStrip(contact);
    case 'acw':
      return { tone: 'acw', labelKey: 'contactState.acw' };
    case 'missed':
      return { tone: 'missed', labelKey: 'contactState.missed' };
    case 'failed':
      return { tone: 'missed', labelKey: 'contactState.failed' };
  }
}
