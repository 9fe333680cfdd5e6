/**
 * The agent's in-call control of one connected call (D3, D6, D7): hold, mute, DTMF, the third
 * party's leg (consult, join, swap, hold all), transfers and ending one leg.
 *
 * AgentDesk stays the single decision point: it finds the contact, applies what only it knows
 * (contact states, ACW, history) and publishes the snapshot; this class holds the rules of the
 * legs inside one call. Every intent checks all its preconditions before it changes anything
 * or sends a command, so a refusal (or an illegal transition thrown by a table) leaves the
 * call as it was.
 */
import type {
  IntentResult,
  LegSelector,
  QuickConnect,
  RefusalReason,
  TransferTarget,
} from '../../../common/contract';
import type { DialingRulesConfig } from '../../dialing/DialingRules';
import { DESK_ENDS, type ContactEnd } from '../contacts/DeskContact';
import type { DeskLogger, EnginePort } from '../ports';
import { CallLog } from './CallLog';
import { nextHoldState, wantsHeld } from './holdMachine';
import {
  callIdOf,
  customerGone,
  customerLive,
  holdableLegs,
  holdOf,
  liveCallIds,
  removeThirdParty,
  requestHold,
  stopMix,
  thirdPartyConnected,
  transferPending,
  type Leg,
} from './legs';
import { resolveTransferTarget } from './transferTarget';
import type { VoiceDeskContact } from './voiceContact';

/** How DTMF is sent (profile `dtmf`): auto picks RFC 4733 where negotiated, SIP INFO otherwise. */
export type DtmfMode = 'auto' | 'rfc4733' | 'info';

/** What the profile allows during a call. */
export interface CallPermissions {
  transfer: boolean;
  conference: boolean;
}

/** The profile settings in-call control reads; they change when a profile is applied. */
export interface InCallSettings {
  permissions: CallPermissions;
  dtmfMode: DtmfMode;
  dialingRules: DialingRulesConfig;
  quickConnects: readonly QuickConnect[];
}

/** What in-call control needs from AgentDesk. */
export interface CallControlHost {
  settings(): InCallSettings;
  /** Every leg of the call is gone: the desk moves the contact on to ACW. */
  lastLegEnded(contact: VoiceDeskContact, event: 'end' | 'remoteEnded', end: ContactEnd): void;
}

/** DTMF digits kept on the contact for the number pad (the contract's bound). */
const DTMF_SENT_KEPT = 64;

type Refusal = { ok: false; reason: RefusalReason };
const OK: IntentResult = { ok: true };
const refuse = (reason: RefusalReason): Refusal => ({ ok: false, reason });

export class CallControl {
  private readonly callLog: CallLog;

  constructor(
    private readonly engine: EnginePort,
    private readonly logger: DeskLogger,
    private readonly host: CallControlHost,
  ) {
    this.callLog = new CallLog(logger);
  }

  hold(contact: VoiceDeskContact, selector: LegSelector, hold: boolean): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    let legs: Leg[];
    if (selector === 'all') {
      const holdable = holdableLegs(contact);
      if (holdable.length === 0) return refuse('noLiveLeg');
      // Hold all (and resume all) moves only the legs not already where the agent wants them.
      legs = holdable.filter((leg) => wantsHeld(holdOf(contact, leg)) !== hold);
    } else {
      const refusal = legRefusal(contact, selector);
      if (refusal) return refusal;
      // Throws on an illegal request before anything changes.
      nextHoldState(holdOf(contact, selector), hold ? 'hold' : 'resume');
      legs = [selector];
    }
    // A held party leaves the conference: holding ends the mix, Join mixes again.
    if (hold) stopMix(this.engine, contact);
    for (const leg of legs) requestHold(this.engine, contact, leg, hold);
    return OK;
  }

  mute(contact: VoiceDeskContact, muted: boolean): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    // Desk phone mode (B3): the PC's microphone stays off the bridge; the desk phone mutes.
    if (contact.deskPhone) return refuse('notPermitted');
    contact.muted = muted;
    for (const callId of liveCallIds(contact)) {
      this.engine.send({ type: 'mute', callId, muted });
    }
    return OK;
  }

  sendDtmf(contact: VoiceDeskContact, digits: string): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    const leg = dtmfLeg(contact);
    if (!leg) return refuse('noLiveLeg');
    this.engine.send({
      type: 'dtmf',
      callId: callIdOf(contact, leg),
      digits,
      mode: this.host.settings().dtmfMode,
    });
    contact.dtmfSent = ((contact.dtmfSent ?? '') + digits).slice(-DTMF_SENT_KEPT);
    return OK;
  }

  consult(contact: VoiceDeskContact, to: TransferTarget): IntentResult {
    const { permissions, dialingRules, quickConnects } = this.host.settings();
    if (!permissions.transfer && !permissions.conference) return refuse('notPermitted');
    // Desk phone mode (B3): a consult would need the PC's microphone; not offered yet.
    if (contact.deskPhone) return refuse('notPermitted');
    const refusal = transferRefusal(contact);
    if (refusal) return refusal;
    if (contact.thirdParty) return refuse('thirdPartyActive');
    const resolved = resolveTransferTarget(to, dialingRules, quickConnects);
    if (!resolved.ok) {
      this.logger.info('consult refused', { reason: resolved.reason });
      return refuse(resolved.reason);
    }
    // The guides: the customer waits on hold while the agent speaks to the third party.
    if (!wantsHeld(contact.hold)) requestHold(this.engine, contact, 'customer', true);
    const callId = globalThis.crypto.randomUUID();
    this.engine.send({ type: 'call', callId, target: resolved.target });
    this.callLog.dialed(callId, 'thirdParty', resolved.target);
    // A muted agent stays muted on every leg, the new one included.
    if (contact.muted) this.engine.send({ type: 'mute', callId, muted: true });
    contact.thirdParty = {
      callId,
      peer: resolved.peer,
      ...(resolved.label !== undefined ? { label: resolved.label } : {}),
      state: 'dialing',
      hold: 'none',
    };
    delete contact.transfer;
    return OK;
  }

  /** Blind transfer: the customer is referred to the target; the agent drops out on success. */
  blindTransfer(contact: VoiceDeskContact, to: TransferTarget): IntentResult {
    const { permissions, dialingRules, quickConnects } = this.host.settings();
    if (!permissions.transfer) return refuse('notPermitted');
    const refusal = transferRefusal(contact);
    if (refusal) return refusal;
    if (contact.thirdParty) return refuse('thirdPartyActive');
    const resolved = resolveTransferTarget(to, dialingRules, quickConnects);
    if (!resolved.ok) {
      this.logger.info('transfer refused', { reason: resolved.reason });
      return refuse(resolved.reason);
    }
    this.engine.send({ type: 'blind-transfer', callId: contact.id, target: resolved.target });
    contact.transfer = {
      kind: 'blind',
      state: 'pending',
      target: resolved.label ?? resolved.peer.number,
    };
    return OK;
  }

  /** Three-way conference: both legs off hold and mixed in the engine. */
  join(contact: VoiceDeskContact): IntentResult {
    if (!this.host.settings().permissions.conference) return refuse('notPermitted');
    const refusal = pairRefusal(contact);
    if (refusal) return refusal;
    if (contact.conference) return refuse('alreadyJoined');
    for (const leg of ['customer', 'thirdParty'] as const) {
      if (wantsHeld(holdOf(contact, leg))) requestHold(this.engine, contact, leg, false);
    }
    this.engine.send({ type: 'mix', callIds: [contact.id, contact.thirdParty!.callId] });
    contact.conference = true;
    return OK;
  }

  /** Talk to the other party: the active leg goes on hold, the held one comes back. */
  swap(contact: VoiceDeskContact): IntentResult {
    const refusal = pairRefusal(contact);
    if (refusal) return refusal;
    const legs = ['customer', 'thirdParty'] as const;
    const active = legs.filter((leg) => !wantsHeld(holdOf(contact, leg)));
    if (active.length !== 1) return refuse('notSwappable');
    const [talking] = active;
    const waiting = talking === 'customer' ? 'thirdParty' : 'customer';
    stopMix(this.engine, contact);
    requestHold(this.engine, contact, talking!, true);
    requestHold(this.engine, contact, waiting, false);
    return OK;
  }

  /** Leave: attended transfer, the customer and the third party stay connected to each other. */
  leave(contact: VoiceDeskContact): IntentResult {
    if (!this.host.settings().permissions.transfer) return refuse('notPermitted');
    const refusal = pairRefusal(contact);
    if (refusal) return refusal;
    if (transferPending(contact)) return refuse('transferPending');
    const third = contact.thirdParty!;
    this.engine.send({
      type: 'attended-transfer',
      callId: contact.id,
      replacesCallId: third.callId,
    });
    contact.transfer = {
      kind: 'attended',
      state: 'pending',
      target: third.label ?? third.peer.number,
    };
    return OK;
  }

  endLeg(contact: VoiceDeskContact, leg: Leg): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    const refusal =
      leg === 'customer'
        ? customerRefusal(contact)
        : contact.thirdParty
          ? undefined
          : refuse('noThirdParty');
    if (refusal) return refusal;
    if (leg === 'thirdParty') {
      // Removed at once: the agent decided, the engine's `ended` that follows finds no leg.
      this.engine.send({ type: 'hangup', callId: contact.thirdParty!.callId });
      removeThirdParty(this.engine, contact);
      if (!customerLive(contact)) {
        this.host.lastLegEnded(contact, 'end', contact.customerEnd ?? DESK_ENDS.agentEnded);
      }
      return OK;
    }
    this.engine.send({ type: 'hangup', callId: contact.id });
    if (contact.thirdParty) customerGone(this.engine, contact, DESK_ENDS.agentEnded);
    else this.host.lastLegEnded(contact, 'end', DESK_ENDS.agentEnded);
    return OK;
  }

  /** The agent ends the whole call: every leg still up is hung up. */
  hangUpAll(contact: VoiceDeskContact): void {
    const callIds = contact.state === 'connected' ? liveCallIds(contact) : [contact.id];
    stopMix(this.engine, contact);
    for (const callId of callIds) this.engine.send({ type: 'hangup', callId });
  }
}

function customerRefusal(contact: VoiceDeskContact): Refusal | undefined {
  return customerLive(contact) ? undefined : refuse('customerLeft');
}

function legRefusal(contact: VoiceDeskContact, leg: Leg): Refusal | undefined {
  if (leg === 'customer') return customerRefusal(contact);
  if (!contact.thirdParty) return refuse('noThirdParty');
  return thirdPartyConnected(contact) ? undefined : refuse('thirdPartyNotConnected');
}

/** Preconditions shared by consult and both transfers. */
function transferRefusal(contact: VoiceDeskContact): Refusal | undefined {
  if (contact.state !== 'connected') return refuse('notConnected');
  if (!customerLive(contact)) return refuse('customerLeft');
  if (transferPending(contact)) return refuse('transferPending');
  return undefined;
}

/** Join, swap and leave need both parties on the line. */
function pairRefusal(contact: VoiceDeskContact): Refusal | undefined {
  if (contact.state !== 'connected') return refuse('notConnected');
  if (!customerLive(contact)) return refuse('customerLeft');
  return legRefusal(contact, 'thirdParty');
}

/**
 * The leg the agent is talking to: the third party while consulting them alone (answered,
 * not held, not joined), the customer otherwise; the third party when the customer has left.
 */
function dtmfLeg(contact: VoiceDeskContact): Leg | undefined {
  const third = contact.thirdParty;
  if (third?.state === 'connected' && third.hold === 'none' && !contact.conference) {
    return 'thirdParty';
  }
  if (customerLive(contact)) return 'customer';
  return thirdPartyConnected(contact) ? 'thirdParty' : undefined;
}
