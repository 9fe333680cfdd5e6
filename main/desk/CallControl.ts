/**
 * In-call control of one connected contact (D3, D6, D7): hold, mute, DTMF, the third-party leg
 * (consult, join, swap, hold all), transfers, ending one leg, and the engine's reports about
 * those legs.
 *
 * AgentDesk stays the single decision point: it finds the contact, applies what only it knows
 * (contact states, ACW, history) and publishes the snapshot; this class holds the rules of the
 * legs inside one contact. A contact has up to two legs: the customer's call, whose callId is the
 * contact's id, and the third party's. The contact lives while either leg does, so the legs may
 * end in any order and the contact moves to ACW when its last leg ends.
 *
 * Every intent checks all its preconditions before it changes anything or sends a command, so a
 * refusal (or an illegal transition thrown by a table) leaves the contact as it was.
 */
import type {
  EngineEvent,
  HoldState,
  IntentResult,
  LegSelector,
  Notice,
  QuickConnect,
  TransferTarget,
} from '../../common/contract';
import type { DialingRulesConfig } from '../dialing/DialingRules';
import { CallLog } from './CallLog';
import { callQuality } from './callQuality';
import { legEndFromEngine, type DeskContact, type LegEnd } from './DeskContact';
import { holdReport, nextHoldState, wantsHeld, type HoldEvent } from './holdMachine';
import { LegReaper } from './LegReaper';
import type { Clock, DeskLogger, EnginePort } from './ports';
import { nextThirdPartyState } from './thirdPartyMachine';
import { resolveTransferTarget } from './transferTarget';

/** One of a contact's two calls. */
export type Leg = 'customer' | 'thirdParty';

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

/** What CallControl needs from AgentDesk. */
export interface CallControlHost {
  settings(): InCallSettings;
  notice(level: Notice['level'], key: string, values?: Notice['values']): void;
  /** Every leg of the contact is gone: the desk moves it on to ACW. */
  lastLegEnded(contact: DeskContact, event: 'end' | 'remoteEnded', end: LegEnd): void;
}

/** The reason a transferred contact ended, in the history and in ACW. */
export const TRANSFERRED_REASON = 'Transferred';
const AGENT_ENDED: LegEnd = { endedBy: 'agent', endReason: 'Agent ended' };
/** DTMF digits kept on the contact for the number pad (the contract's bound). */
const DTMF_SENT_KEPT = 64;

type Refusal = { ok: false; reason: string };
const OK: IntentResult = { ok: true };
const refuse = (reason: string): Refusal => ({ ok: false, reason });

export class CallControl {
  private readonly reaper: LegReaper;
  private readonly callLog: CallLog;

  constructor(
    private readonly engine: EnginePort,
    clock: Clock,
    private readonly logger: DeskLogger,
    private readonly host: CallControlHost,
  ) {
    this.reaper = new LegReaper(clock, engine);
    this.callLog = new CallLog(logger);
  }

  // -------------------------------------------------------------------------------------------
  // Legs
  // -------------------------------------------------------------------------------------------

  /** Which leg of `contact` the call is, if any. */
  legOf(contact: DeskContact, callId: string): Leg | undefined {
    if (callId === contact.id) return 'customer';
    if (contact.thirdParty?.callId === callId) return 'thirdParty';
    return undefined;
  }

  private callIdOf(contact: DeskContact, leg: Leg): string {
    return leg === 'customer' ? contact.id : contact.thirdParty!.callId;
  }

  private customerLive(contact: DeskContact): boolean {
    return contact.state === 'connected' && contact.customerLeft !== true;
  }

  private thirdPartyConnected(contact: DeskContact): boolean {
    return contact.thirdParty?.state === 'connected';
  }

  /** The calls still up: the ones to mute, or to hang up when the agent ends the contact. */
  private liveCallIds(contact: DeskContact): string[] {
    return [
      ...(this.customerLive(contact) ? [contact.id] : []),
      ...(contact.thirdParty ? [contact.thirdParty.callId] : []),
    ];
  }

  /** The legs that can be held: the customer's while on the line, the third party's once answered. */
  private holdableLegs(contact: DeskContact): Leg[] {
    return [
      ...(this.customerLive(contact) ? (['customer'] as const) : []),
      ...(this.thirdPartyConnected(contact) ? (['thirdParty'] as const) : []),
    ];
  }

  private holdOf(contact: DeskContact, leg: Leg): HoldState {
    return leg === 'customer' ? contact.hold : contact.thirdParty!.hold;
  }

  private setHoldOf(contact: DeskContact, leg: Leg, state: HoldState): void {
    if (leg === 'customer') contact.hold = state;
    else contact.thirdParty!.hold = state;
  }

  /** Asks the engine to hold or resume one leg, through the hold table. */
  private requestHold(contact: DeskContact, leg: Leg, hold: boolean): void {
    this.setHoldOf(
      contact,
      leg,
      nextHoldState(this.holdOf(contact, leg), hold ? 'hold' : 'resume'),
    );
    this.engine.send({ type: 'hold', callId: this.callIdOf(contact, leg), hold });
  }

  /** Ends the local mix: each leg hears only the agent again. */
  private stopMix(contact: DeskContact): void {
    if (!contact.conference) return;
    contact.conference = false;
    this.engine.send({ type: 'mix', callIds: [] });
  }

  private removeThirdParty(contact: DeskContact): void {
    delete contact.thirdParty;
    this.stopMix(contact);
  }

  /** The customer's call is gone while the third party stays on the line with the agent. */
  private customerGone(contact: DeskContact, end: LegEnd): void {
    contact.customerLeft = true;
    contact.customerEnd = end;
    contact.hold = 'none';
    delete contact.remoteHold;
    this.stopMix(contact);
  }

  private transferPending(contact: DeskContact): boolean {
    return contact.transfer?.state === 'pending';
  }

  /**
   * The contact left `connected` (to ACW): whatever legs it had are gone with it. Sends no
   * hangups; whoever ended the contact did. Called by AgentDesk on every such move.
   */
  releaseLegs(contact: DeskContact): void {
    this.removeThirdParty(contact);
    contact.hold = 'none';
    contact.muted = false;
    delete contact.remoteHold;
  }

  // -------------------------------------------------------------------------------------------
  // Agent intents
  // -------------------------------------------------------------------------------------------

  hold(contact: DeskContact, selector: LegSelector, hold: boolean): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    let legs: Leg[];
    if (selector === 'all') {
      const holdable = this.holdableLegs(contact);
      if (holdable.length === 0) return refuse('noLiveLeg');
      // Hold all (and resume all) moves only the legs not already where the agent wants them.
      legs = holdable.filter((leg) => wantsHeld(this.holdOf(contact, leg)) !== hold);
    } else {
      const refusal = this.legRefusal(contact, selector);
      if (refusal) return refusal;
      // Throws on an illegal request before anything changes.
      nextHoldState(this.holdOf(contact, selector), hold ? 'hold' : 'resume');
      legs = [selector];
    }
    // A held party leaves the conference: holding ends the mix, Join mixes again.
    if (hold) this.stopMix(contact);
    for (const leg of legs) this.requestHold(contact, leg, hold);
    return OK;
  }

  private legRefusal(contact: DeskContact, leg: Leg): Refusal | undefined {
    if (leg === 'customer') return this.customerLive(contact) ? undefined : refuse('customerLeft');
    if (!contact.thirdParty) return refuse('noThirdParty');
    return this.thirdPartyConnected(contact) ? undefined : refuse('thirdPartyNotConnected');
  }

  mute(contact: DeskContact, muted: boolean): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    contact.muted = muted;
    for (const callId of this.liveCallIds(contact)) {
      this.engine.send({ type: 'mute', callId, muted });
    }
    return OK;
  }

  sendDtmf(contact: DeskContact, digits: string): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    const leg = this.dtmfLeg(contact);
    if (!leg) return refuse('noLiveLeg');
    this.engine.send({
      type: 'dtmf',
      callId: this.callIdOf(contact, leg),
      digits,
      mode: this.host.settings().dtmfMode,
    });
    contact.dtmfSent = ((contact.dtmfSent ?? '') + digits).slice(-DTMF_SENT_KEPT);
    return OK;
  }

  /**
   * The leg the agent is talking to: the third party while consulting them alone (answered,
   * not held, not joined), the customer otherwise; the third party when the customer has left.
   */
  private dtmfLeg(contact: DeskContact): Leg | undefined {
    const third = contact.thirdParty;
    if (third?.state === 'connected' && third.hold === 'none' && !contact.conference) {
      return 'thirdParty';
    }
    if (this.customerLive(contact)) return 'customer';
    return this.thirdPartyConnected(contact) ? 'thirdParty' : undefined;
  }

  /** Preconditions shared by consult and both transfers. */
  private transferRefusal(contact: DeskContact): Refusal | undefined {
    if (contact.state !== 'connected') return refuse('notConnected');
    if (!this.customerLive(contact)) return refuse('customerLeft');
    if (this.transferPending(contact)) return refuse('transferPending');
    return undefined;
  }

  consult(contact: DeskContact, to: TransferTarget): IntentResult {
    const { permissions, dialingRules, quickConnects } = this.host.settings();
    if (!permissions.transfer && !permissions.conference) return refuse('notPermitted');
    const refusal = this.transferRefusal(contact);
    if (refusal) return refusal;
    if (contact.thirdParty) return refuse('thirdPartyActive');
    const resolved = resolveTransferTarget(to, dialingRules, quickConnects);
    if (!resolved.ok) {
      this.logger.info('consult refused', { reason: resolved.reason });
      return refuse(resolved.reason);
    }
    // The guides: the customer waits on hold while the agent speaks to the third party.
    if (!wantsHeld(contact.hold)) this.requestHold(contact, 'customer', true);
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
  blindTransfer(contact: DeskContact, to: TransferTarget): IntentResult {
    const { permissions, dialingRules, quickConnects } = this.host.settings();
    if (!permissions.transfer) return refuse('notPermitted');
    const refusal = this.transferRefusal(contact);
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
  join(contact: DeskContact): IntentResult {
    if (!this.host.settings().permissions.conference) return refuse('notPermitted');
    const refusal = this.pairRefusal(contact);
    if (refusal) return refusal;
    if (contact.conference) return refuse('alreadyJoined');
    for (const leg of ['customer', 'thirdParty'] as const) {
      if (wantsHeld(this.holdOf(contact, leg))) this.requestHold(contact, leg, false);
    }
    this.engine.send({ type: 'mix', callIds: [contact.id, contact.thirdParty!.callId] });
    contact.conference = true;
    return OK;
  }

  /** Talk to the other party: the active leg goes on hold, the held one comes back. */
  swap(contact: DeskContact): IntentResult {
    const refusal = this.pairRefusal(contact);
    if (refusal) return refusal;
    const legs = ['customer', 'thirdParty'] as const;
    const active = legs.filter((leg) => !wantsHeld(this.holdOf(contact, leg)));
    if (active.length !== 1) return refuse('notSwappable');
    const [talking] = active;
    const waiting = talking === 'customer' ? 'thirdParty' : 'customer';
    this.stopMix(contact);
    this.requestHold(contact, talking!, true);
    this.requestHold(contact, waiting, false);
    return OK;
  }

  /** Leave: attended transfer, the customer and the third party stay connected to each other. */
  leave(contact: DeskContact): IntentResult {
    if (!this.host.settings().permissions.transfer) return refuse('notPermitted');
    const refusal = this.pairRefusal(contact);
    if (refusal) return refusal;
    if (this.transferPending(contact)) return refuse('transferPending');
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

  /** Join, swap and leave need both parties on the line. */
  private pairRefusal(contact: DeskContact): Refusal | undefined {
    if (contact.state !== 'connected') return refuse('notConnected');
    if (!this.customerLive(contact)) return refuse('customerLeft');
    return this.legRefusal(contact, 'thirdParty');
  }

  endLeg(contact: DeskContact, leg: Leg): IntentResult {
    if (contact.state !== 'connected') return refuse('notConnected');
    const refusal = leg === 'customer' ? this.legLiveRefusal(contact) : this.thirdRefusal(contact);
    if (refusal) return refusal;
    if (leg === 'thirdParty') {
      // Removed at once: the agent decided, the engine's `ended` that follows finds no leg.
      this.engine.send({ type: 'hangup', callId: contact.thirdParty!.callId });
      this.removeThirdParty(contact);
      if (!this.customerLive(contact)) {
        this.host.lastLegEnded(contact, 'end', contact.customerEnd ?? AGENT_ENDED);
      }
      return OK;
    }
    this.engine.send({ type: 'hangup', callId: contact.id });
    if (contact.thirdParty) this.customerGone(contact, AGENT_ENDED);
    else this.host.lastLegEnded(contact, 'end', AGENT_ENDED);
    return OK;
  }

  private legLiveRefusal(contact: DeskContact): Refusal | undefined {
    return this.customerLive(contact) ? undefined : refuse('customerLeft');
  }

  private thirdRefusal(contact: DeskContact): Refusal | undefined {
    return contact.thirdParty ? undefined : refuse('noThirdParty');
  }

  /** The agent ends the whole contact: every call still up is hung up. */
  hangUpAll(contact: DeskContact): void {
    const callIds = contact.state === 'connected' ? this.liveCallIds(contact) : [contact.id];
    this.stopMix(contact);
    for (const callId of callIds) this.engine.send({ type: 'hangup', callId });
  }

  // -------------------------------------------------------------------------------------------
  // Engine reports about a leg
  // -------------------------------------------------------------------------------------------

  thirdPartyConfirmed(contact: DeskContact, now: number): void {
    const third = contact.thirdParty!;
    const next = nextThirdPartyState(third.state, 'confirmed');
    if (next === 'removed') return;
    third.state = next;
    third.connectedAt = now;
  }

  /**
   * A leg ended. Returns false when it is the customer's call and no third party is on the
   * line: the contact itself ends then, which is AgentDesk's business.
   */
  legEnded(
    contact: DeskContact,
    leg: Leg,
    event: Extract<EngineEvent, { type: 'ended' }>,
  ): boolean {
    const end = legEndFromEngine(event);
    if (leg === 'thirdParty') {
      this.thirdPartyEnded(contact, end);
      return true;
    }
    if (contact.state !== 'connected' || !contact.thirdParty) return false;
    // Our own hang-up of the customer leg, reported back.
    if (contact.customerLeft) return true;
    this.customerGone(contact, end);
    // During a transfer the legs are expected to drop: no alarm for the agent.
    if (!this.transferPending(contact)) this.host.notice('info', 'customerLeft');
    return true;
  }

  private thirdPartyEnded(contact: DeskContact, end: LegEnd): void {
    const third = contact.thirdParty!;
    nextThirdPartyState(third.state, 'ended');
    this.removeThirdParty(contact);
    if (!this.transferPending(contact)) {
      if (third.state === 'dialing') {
        this.host.notice('warning', 'consultFailed', { reason: end.endReason });
      } else {
        this.host.notice('info', 'thirdPartyLeft', { name: third.label ?? third.peer.number });
      }
    }
    if (!this.customerLive(contact)) {
      this.host.lastLegEnded(contact, 'remoteEnded', contact.customerEnd ?? end);
    }
  }

  /** A leg the desk no longer tracks ended; true when it was a transferred leg left to end. */
  strayEnded(callId: string): boolean {
    return this.reaper.ended(callId);
  }

  holdReported(
    contact: DeskContact,
    leg: Leg,
    event: Extract<EngineEvent, { type: 'hold' | 'hold-failed' }>,
  ): void {
    if (!this.reportsCount(contact, leg)) return;
    const failed = event.type === 'hold-failed';
    const report: HoldEvent = holdReport(event.held, failed);
    this.setHoldOf(contact, leg, nextHoldState(this.holdOf(contact, leg), report));
    if (event.type === 'hold-failed') {
      const cause = [event.statusCode, event.cause].filter((part) => part !== undefined).join(' ');
      this.host.notice('warning', 'holdFailed', { cause });
    }
  }

  remoteHold(contact: DeskContact, leg: Leg, held: boolean): void {
    if (leg !== 'customer' || !this.reportsCount(contact, leg)) return;
    contact.remoteHold = held;
  }

  quality(contact: DeskContact, leg: Leg, event: Extract<EngineEvent, { type: 'quality' }>): void {
    if (!this.reportsCount(contact, leg)) return;
    if (leg === 'customer') contact.quality = callQuality(event);
    else contact.thirdParty!.quality = callQuality(event);
  }

  /** The far party changed under the same call: we were a transfer target (Replaces). */
  replaced(
    contact: DeskContact,
    leg: Leg,
    event: Extract<EngineEvent, { type: 'replaced' }>,
  ): void {
    const peer = { number: event.peer.user, displayName: event.peer.displayName };
    if (leg === 'customer') contact.peer = peer;
    else contact.thirdParty!.peer = peer;
  }

  /** Reports about a leg's media only count while the contact is on the call and the leg up. */
  private reportsCount(contact: DeskContact, leg: Leg): boolean {
    if (contact.state !== 'connected') return false;
    return leg === 'thirdParty' || this.customerLive(contact);
  }

  /** How the transfer the customer's far end was asked to make ended. */
  transferOutcome(contact: DeskContact, event: Extract<EngineEvent, { type: 'transfer' }>): void {
    const transfer = contact.transfer;
    if (transfer?.state !== 'pending') {
      this.logger.warn('transfer outcome without a transfer', { callId: event.callId });
      return;
    }
    if (event.outcome === 'failed') {
      const reason = [event.statusCode, event.cause].filter((part) => part !== undefined).join(' ');
      contact.transfer = { ...transfer, state: 'failed', ...(reason ? { reason } : {}) };
      this.host.notice('warning', 'transferFailed', { reason });
      return;
    }
    delete contact.transfer;
    contact.transferredTo = transfer.target;
    const transferred: LegEnd = { endedBy: 'agent', endReason: TRANSFERRED_REASON };
    if (contact.state !== 'connected') {
      // The customer's BYE came before the NOTIFY: the contact is already in ACW.
      contact.endedBy = transferred.endedBy;
      contact.endReason = transferred.endReason;
      // The customer's BYE ended a transfer that worked: not a failure to explain.
      delete contact.endCode;
      return;
    }
    if (this.customerLive(contact)) this.engine.send({ type: 'hangup', callId: contact.id });
    // Replaces normally ends the third leg from the far side; make sure it does.
    if (contact.thirdParty) this.reaper.hangUpLater(contact.thirdParty.callId);
    delete contact.thirdParty;
    this.stopMix(contact);
    this.host.lastLegEnded(contact, 'end', transferred);
  }
}
