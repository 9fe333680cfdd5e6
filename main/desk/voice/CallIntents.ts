/**
 * CallIntents: the agent's in-call intents (D3, D6, D7) addressed by contact id, as the desk
 * exposes them to DeskCommands (`desk.calls`).
 *
 * The rules of the legs live in CallControl; this class only finds the contact and publishes a
 * new snapshot when the intent went ahead, so a refusal leaves the desk (and its revision)
 * exactly as it was. It is split from AgentDesk so that the desk keeps the decisions that span
 * parts (routability, the line, sign-in) and does not grow with every in-call button.
 */
import type { IntentResult, LegSelector, TransferTarget } from '../../../common/contract';
import type { VoiceDeskContact } from './voiceContact';
import type { CallControl } from './CallControl';
import type { CallRecordings } from './recording/CallRecordings';
import type { Leg } from './legs';

export interface CallIntentsDeps {
  /** The desk's call lookup (ContactBook.voice): a chat has no legs. */
  readonly contact: (contactId: string) => VoiceDeskContact | undefined;
  readonly control: CallControl;
  /** The agent's recordings (D9). */
  readonly recordings: CallRecordings;
  /** Publishes a new snapshot (AgentDesk.changed). */
  readonly changed: () => void;
}

export class CallIntents {
  constructor(private readonly deps: CallIntentsDeps) {}

  hold(contactId: string, leg: LegSelector, hold: boolean): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.hold(contact, leg, hold));
  }

  mute(contactId: string, muted: boolean): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.mute(contact, muted));
  }

  sendDtmf(contactId: string, digits: string): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.sendDtmf(contact, digits));
  }

  /** Customer on hold, a second leg dials the target. */
  consult(contactId: string, to: TransferTarget): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.consult(contact, to));
  }

  /** Blind transfer. */
  transfer(contactId: string, to: TransferTarget): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.blindTransfer(contact, to));
  }

  join(contactId: string): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.join(contact));
  }

  swap(contactId: string): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.swap(contact));
  }

  /** Attended transfer: the agent drops out, customer and third party stay connected. */
  leave(contactId: string): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.leave(contact));
  }

  endLeg(contactId: string, leg: Leg): IntentResult {
    return this.onContact(contactId, (contact) => this.deps.control.endLeg(contact, leg));
  }

  /** Starts (`on`) or stops the agent's recording of the call (D9). */
  record(contactId: string, on: boolean): IntentResult {
    return this.onContact(contactId, (contact) =>
      on ? this.deps.recordings.start(contact) : this.deps.recordings.stop(contact),
    );
  }

  /** An intent the contact's state may refuse: the desk changes only when it went ahead. */
  private onContact(
    contactId: string,
    act: (contact: VoiceDeskContact) => IntentResult,
  ): IntentResult {
    const contact = this.deps.contact(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    const result = act(contact);
    if (result.ok) this.deps.changed();
    return result;
  }
}
