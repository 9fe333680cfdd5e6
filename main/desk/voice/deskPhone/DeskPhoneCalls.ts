/**
 * Desk phone mode's calls (B3, docs/deskPhone.md): for each contact, the desk leg the engine
 * places to the agent's desk phone and the rules that tie it to the customer's leg.
 *
 * The contact itself moves through the ordinary contact table (VoiceCalls and ContactBook), so
 * status, timers, ACW and history are exactly the softphone's; this class only decides what
 * each leg's reports mean for the other leg. The desk leg is never a contact: its reports stop
 * here and never reach the contact's own leg handling.
 */
import type { EngineEvent } from '../../../../common/contract';
import { DESK_ENDS, type ContactEnd } from '../../contacts/DeskContact';
import type { ContactEvent } from '../../contacts/contactMachine';
import type { DeskLogger, EnginePort } from '../../ports';
import { legEndFromEngine, type VoiceDeskContact } from '../voiceContact';
import {
  nextDeskPhoneState,
  type DeskPhoneDirection,
  type DeskPhoneEvent,
  type DeskPhoneState,
} from './deskPhoneMachine';

/** What the desk leg tells VoiceCalls to do with the contact. */
export interface DeskPhoneHost {
  contact(contactId: string): VoiceDeskContact | undefined;
  /** Moves the contact through the contact table (ContactBook.move). */
  move(contact: VoiceDeskContact, event: ContactEvent, end?: ContactEnd): void;
  /** The desk phone answered an offer: the customer's offer is answered now. */
  answered(contact: VoiceDeskContact): void;
  /** The desk phone did not take the offer: released with 480, so the queue hunts on. */
  released(contact: VoiceDeskContact): void;
}

interface DeskLeg {
  readonly contactId: string;
  readonly callId: string;
  readonly direction: DeskPhoneDirection;
  /** Outbound: what the engine dials for the customer once the desk phone answers. */
  readonly customerTarget?: string;
  state: DeskPhoneState;
}

type CallReport = Extract<EngineEvent, { callId: string }>;

export class DeskPhoneCalls {
  /** Every desk leg by its own callId, until the engine reported its end. */
  private readonly legs = new Map<string, DeskLeg>();

  constructor(
    private readonly engine: EnginePort,
    private readonly logger: DeskLogger,
    private readonly host: DeskPhoneHost,
  ) {}

  /** An offer arrived in desk phone mode: ring the desk phone; the offer waits for it. */
  ringForOffer(contact: VoiceDeskContact, deskTarget: string): void {
    // The desk phone rings instead of the PC: two ringing devices would have the agent
    // reach for the wrong one.
    this.engine.send({ type: 'ring-elsewhere', callId: contact.id });
    this.ringDesk(contact, deskTarget, 'inbound');
  }

  /** Click-to-call: ring the desk phone first; the customer is called when it answers. */
  ringForDial(contact: VoiceDeskContact, deskTarget: string, customerTarget: string): void {
    this.ringDesk(contact, deskTarget, 'outbound', customerTarget);
  }

  /** Whether this callId is a desk leg: its reports belong here, not to a contact. */
  owns(callId: string): boolean {
    return this.legs.has(callId);
  }

  /** An engine report about a desk leg; true when the desk changed. */
  handle(event: CallReport): boolean {
    const leg = this.legs.get(event.callId);
    if (!leg) return false;
    if (event.type === 'confirmed') return this.deskAnswered(leg);
    if (event.type === 'ended') return this.deskGone(leg, event);
    // Quality, hold and DTMF of the desk leg are the desk phone's own business.
    return false;
  }

  /** The customer's leg is confirmed: bridge the two legs' media in the engine. */
  customerAnswered(contact: VoiceDeskContact): void {
    const leg = this.liveLegOf(contact.id);
    if (!leg) return;
    this.step(leg, 'customerAnswered');
    // The PC plays neither side: the agent hears the customer on the desk phone.
    this.engine.send({ type: 'mix', callIds: [contact.id, leg.callId], listen: false });
  }

  /** The customer's leg ended (or never came up): the desk phone is hung up with it. */
  customerGone(contactId: string): void {
    const leg = this.liveLegOf(contactId);
    if (!leg) return;
    this.step(leg, 'customerGone');
    this.engine.send({ type: 'hangup', callId: leg.callId });
  }

  /**
   * The contact ended from the desk (End, the offer rang out, rejected, or taken at the PC
   * after all): the desk phone stops ringing or is hung up.
   */
  ended(contactId: string): void {
    const leg = this.liveLegOf(contactId);
    if (!leg) return;
    this.step(leg, 'ended');
    this.engine.send({ type: 'hangup', callId: leg.callId });
  }

  /**
   * The engine page is lost: its calls end with it, and every desk leg is ended here. Nothing
   * is sent (a page that is gone cannot hang up; a new page BYEs the answered legs' dialogs,
   * EnginePage.releaseOrphans). The legs are kept, ended, until a new page is up: a page that
   * was only slow may still report a desk phone answering, and that leg is then hung up.
   */
  engineLost(): void {
    for (const leg of this.legs.values()) if (leg.state !== 'ended') this.step(leg, 'ended');
  }

  /** A new engine page is up: the old page's desk legs can report nothing more. */
  engineReloaded(): void {
    if (this.legs.size > 0)
      this.logger.info('desk legs of the previous engine forgotten', {
        count: this.legs.size,
      });
    this.legs.clear();
  }

  private ringDesk(
    contact: VoiceDeskContact,
    deskTarget: string,
    direction: DeskPhoneDirection,
    customerTarget?: string,
  ): void {
    const callId = globalThis.crypto.randomUUID();
    contact.deskPhone = true;
    this.legs.set(callId, {
      contactId: contact.id,
      callId,
      direction,
      ...(customerTarget !== undefined ? { customerTarget } : {}),
      state: 'ringingDesk',
    });
    this.logger.info('desk phone rings', { contactId: contact.id, deskCallId: callId, direction });
    this.engine.send({ type: 'call', callId, target: deskTarget });
    // The PC's microphone is never part of a bridged call: the agent talks on the desk phone.
    this.engine.send({ type: 'mute', callId, muted: true });
  }

  private deskAnswered(leg: DeskLeg): boolean {
    const contact = this.host.contact(leg.contactId);
    if (leg.state === 'ended' || !contact) {
      // The contact ended while the desk phone was answering: nobody to bridge it to.
      this.engine.send({ type: 'hangup', callId: leg.callId });
      return false;
    }
    this.step(leg, 'deskAnswered');
    if (leg.direction === 'inbound') {
      this.host.answered(contact);
    } else {
      this.engine.send({ type: 'call', callId: contact.id, target: leg.customerTarget! });
    }
    this.engine.send({ type: 'mute', callId: contact.id, muted: true });
    return true;
  }

  private deskGone(leg: DeskLeg, event: Extract<CallReport, { type: 'ended' }>): boolean {
    this.legs.delete(leg.callId);
    const was = leg.state;
    if (was === 'ended') return false;
    this.step(leg, 'deskGone');
    const contact = this.host.contact(leg.contactId);
    if (!contact) return false;
    this.logger.info('desk phone leg ended', {
      contactId: contact.id,
      state: was,
      cause: event.cause,
    });
    if (was === 'ringingDesk') {
      // The desk phone did not take the call: a missed offer, or a dial that never went out.
      if (leg.direction === 'inbound') this.host.released(contact);
      else this.host.move(contact, 'failed', legEndFromEngine(event));
      return true;
    }
    // The agent hung up the desk phone: the customer's leg goes with it, the contact to ACW.
    this.engine.send({ type: 'hangup', callId: contact.id });
    this.host.move(contact, 'end', DESK_ENDS.agentEnded);
    return true;
  }

  private step(leg: DeskLeg, event: DeskPhoneEvent): void {
    leg.state = nextDeskPhoneState(leg.direction, leg.state, event);
  }

  private legOf(contactId: string): DeskLeg | undefined {
    for (const leg of this.legs.values()) if (leg.contactId === contactId) return leg;
    return undefined;
  }

  private liveLegOf(contactId: string): DeskLeg | undefined {
    const leg = this.legOf(contactId);
    return leg && leg.state !== 'ended' ? leg : undefined;
  }
}
