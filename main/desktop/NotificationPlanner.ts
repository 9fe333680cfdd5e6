/**
 * Which OS notifications are up for the desk's state (G2, D1): one per offer while it rings,
 * with Accept and Reject, closed as soon as the offer ends (accepted anywhere, rejected, rang
 * out, withdrawn); one per missed contact. Only while the CCP window is not in front: an agent
 * looking at the banner needs no toast over it.
 *
 * Notifications never take focus (the shell shows them without activating the app): an agent
 * typing elsewhere must not have keystrokes land in the CCP. Offers are silent toasts because
 * the ringer already rings on the ringer device.
 *
 * Channel-generic: a chat offer gets the same treatment with its own title, and Accept and
 * Reject act on it as on a call.
 */
import type { DeskState } from '../../common/contract';
import { allContacts, callerOf, isMissed, isOffer, type DesktopContact } from './contactMoments';
import type { DesktopText } from './desktopText';

export type NotificationChoice = 'accept' | 'reject' | 'click';

export interface DesktopNotification {
  /** `offer:<contactId>`, `missed:<contactId>`, or the app's own (`inTray`). */
  id: string;
  /** `info`: the app telling the agent something (it keeps running in the tray). */
  kind: 'offer' | 'missed' | 'info';
  /** The contact an offer or a miss is about. */
  contactId?: string;
  title: DesktopText;
  /** Lines of the body, in order. */
  body: DesktopText[];
  /** The buttons, where the OS shows buttons (docs/desktop.md). */
  actions: Array<'accept' | 'reject'>;
  /** An offer stays until it ends; the OS must not time it out and drop it in a corner. */
  sticky: boolean;
}

export interface NotificationOps {
  show: DesktopNotification[];
  close: string[];
}

export interface NotificationMoment {
  /** The CCP window is visible and focused: the banner is in front of the agent. */
  ccpFocused: boolean;
  now: number;
}

function offerTitle(contact: DesktopContact): DesktopText {
  if (contact.channel === 'voice' && contact.callback) return { key: 'notify.offer.callback' };
  return contact.channel === 'voice' ? { key: 'notify.offer.voice' } : { key: 'notify.offer.chat' };
}

function offerNotification(contact: DesktopContact, now: number): DesktopNotification {
  const body: DesktopText[] = [{ key: 'notify.caller', values: { caller: callerOf(contact) } }];
  if (contact.queue) body.push({ key: 'notify.queue', values: { queue: contact.queue } });
  if (contact.ringDeadline !== undefined) {
    const seconds = Math.max(0, Math.round((contact.ringDeadline - now) / 1000));
    body.push({ key: 'notify.countdown', values: { seconds } });
  }
  return {
    id: `offer:${contact.id}`,
    kind: 'offer',
    contactId: contact.id,
    title: offerTitle(contact),
    body,
    actions: ['accept', 'reject'],
    sticky: true,
  };
}

function missedNotification(contact: DesktopContact): DesktopNotification {
  const body: DesktopText[] = [{ key: 'notify.caller', values: { caller: callerOf(contact) } }];
  if (contact.queue) body.push({ key: 'notify.queue', values: { queue: contact.queue } });
  return {
    id: `missed:${contact.id}`,
    kind: 'missed',
    contactId: contact.id,
    title:
      contact.channel === 'voice' ? { key: 'notify.missed.voice' } : { key: 'notify.missed.chat' },
    body,
    actions: [],
    sticky: false,
  };
}

export class NotificationPlanner {
  /** Offer notifications up now, by contact id. */
  private readonly openOffers = new Set<string>();
  /** Contacts whose miss was already considered (told or not): never told twice. */
  private readonly missedSeen = new Set<string>();

  /** What to show and close now that the desk is in `state`. */
  plan(state: DeskState, moment: NotificationMoment): NotificationOps {
    const ops: NotificationOps = { show: [], close: [] };
    const contacts = allContacts(state);
    const ringing = new Set(contacts.filter(isOffer).map((contact) => contact.id));
    for (const contactId of [...this.openOffers]) {
      if (ringing.has(contactId)) continue;
      this.openOffers.delete(contactId);
      ops.close.push(`offer:${contactId}`);
    }
    for (const contact of contacts) {
      if (isOffer(contact) && !this.openOffers.has(contact.id) && !moment.ccpFocused) {
        this.openOffers.add(contact.id);
        ops.show.push(offerNotification(contact, moment.now));
      }
      if (isMissed(contact) && !this.missedSeen.has(contact.id)) {
        this.missedSeen.add(contact.id);
        if (!moment.ccpFocused) ops.show.push(missedNotification(contact));
      }
    }
    // A cleared contact's id is never reused, but the set must not grow for a whole shift.
    const present = new Set(contacts.map((contact) => contact.id));
    for (const contactId of [...this.missedSeen]) {
      if (!present.has(contactId)) this.missedSeen.delete(contactId);
    }
    return ops;
  }

  /** The notification's contact, if `id` is one of ours. */
  static contactOf(id: string): { kind: 'offer' | 'missed'; contactId: string } | undefined {
    const match = /^(offer|missed):(.+)$/.exec(id);
    if (!match?.[1] || !match[2]) return undefined;
    return { kind: match[1] as 'offer' | 'missed', contactId: match[2] };
  }
}

/** Said the first time the CCP window hides to the tray: the app is still running, signed in. */
export const IN_TRAY_NOTIFICATION: DesktopNotification = {
  id: 'inTray',
  kind: 'info',
  title: { key: 'notify.inTray.title' },
  body: [{ key: 'notify.inTray.body' }],
  actions: [],
  sticky: false,
};
