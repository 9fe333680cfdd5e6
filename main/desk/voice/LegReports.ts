/**
 * What the engine reports about the legs of a call (D3, D6): a leg answered or ended, hold
 * confirmed or failed, the far end holding us, audio quality, a replaced party, and how a
 * transfer the agent started turned out.
 *
 * The engine's reports are never refused: they say what the calls are, and the desk must not
 * lose track of a held customer because a report came late. The contact itself ending is
 * AgentDesk's business, reached through the host.
 */
import type { EngineEvent, Notice, NoticeCode } from '../../../common/contract';
import { DESK_ENDS } from '../contacts/DeskContact';
import type { Clock, DeskLogger, EnginePort } from '../ports';
import { callQuality } from './callQuality';
import type { CallControlHost } from './CallControl';
import { holdReport, nextHoldState } from './holdMachine';
import { LegReaper } from './LegReaper';
import {
  customerGone,
  customerLive,
  holdOf,
  removeThirdParty,
  setHoldOf,
  stopMix,
  transferPending,
  type Leg,
} from './legs';
import { nextThirdPartyState } from './thirdPartyMachine';
import { legEndFromEngine, type EngineLegEnd, type VoiceDeskContact } from './voiceContact';

/** What the reports need from AgentDesk: in-call control's host, and the notice board. */
export interface LegReportsHost extends Pick<CallControlHost, 'lastLegEnded'> {
  notice(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void;
}

type Report<T extends EngineEvent['type']> = Extract<EngineEvent, { type: T }>;

export class LegReports {
  private readonly reaper: LegReaper;

  constructor(
    private readonly engine: EnginePort,
    clock: Clock,
    private readonly logger: DeskLogger,
    private readonly host: LegReportsHost,
  ) {
    this.reaper = new LegReaper(clock, engine);
  }

  thirdPartyConfirmed(contact: VoiceDeskContact, now: number): void {
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
  legEnded(contact: VoiceDeskContact, leg: Leg, event: Report<'ended'>): boolean {
    const end = legEndFromEngine(event);
    if (leg === 'thirdParty') {
      this.thirdPartyEnded(contact, end);
      return true;
    }
    if (contact.state !== 'connected' || !contact.thirdParty) return false;
    // Our own hang-up of the customer leg, reported back.
    if (contact.customerLeft) return true;
    customerGone(this.engine, contact, end);
    // During a transfer the legs are expected to drop: no alarm for the agent.
    if (!transferPending(contact)) this.host.notice('info', 'customerLeft');
    return true;
  }

  private thirdPartyEnded(contact: VoiceDeskContact, end: EngineLegEnd): void {
    const third = contact.thirdParty!;
    nextThirdPartyState(third.state, 'ended');
    removeThirdParty(this.engine, contact);
    if (!transferPending(contact)) {
      if (third.state === 'dialing') {
        this.host.notice('warning', 'consultFailed', { reason: end.endReason });
      } else {
        this.host.notice('info', 'thirdPartyLeft', { name: third.label ?? third.peer.number });
      }
    }
    if (!customerLive(contact)) {
      this.host.lastLegEnded(contact, 'remoteEnded', contact.customerEnd ?? end);
    }
  }

  /** A leg the desk no longer tracks ended: a transferred leg left to end by itself, maybe. */
  strayEnded(callId: string): void {
    this.reaper.ended(callId);
  }

  held(contact: VoiceDeskContact, leg: Leg, event: Report<'hold' | 'hold-failed'>): void {
    if (!reportsCount(contact, leg)) return;
    const failed = event.type === 'hold-failed';
    setHoldOf(contact, leg, nextHoldState(holdOf(contact, leg), holdReport(event.held, failed)));
    if (event.type === 'hold-failed') {
      const cause = [event.statusCode, event.cause].filter((part) => part !== undefined).join(' ');
      this.host.notice('warning', 'holdFailed', { cause });
    }
  }

  remoteHold(contact: VoiceDeskContact, leg: Leg, held: boolean): void {
    if (leg !== 'customer' || !reportsCount(contact, leg)) return;
    contact.remoteHold = held;
  }

  quality(contact: VoiceDeskContact, leg: Leg, event: Report<'quality'>): void {
    if (!reportsCount(contact, leg)) return;
    if (leg === 'customer') contact.quality = callQuality(event);
    else contact.thirdParty!.quality = callQuality(event);
  }

  /** The far party changed under the same call: we were a transfer target (Replaces). */
  replaced(contact: VoiceDeskContact, leg: Leg, event: Report<'replaced'>): void {
    const peer = { number: event.peer.user, displayName: event.peer.displayName };
    if (leg === 'customer') contact.peer = peer;
    else contact.thirdParty!.peer = peer;
  }

  /** How the transfer the customer's far end was asked to make ended. */
  transferOutcome(contact: VoiceDeskContact, event: Report<'transfer'>): void {
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
    if (contact.state !== 'connected') {
      // The customer's BYE came before the NOTIFY: the contact is already in ACW. It ended
      // because the transfer worked, not for the drop's code or SIP text.
      contact.endedBy = DESK_ENDS.transferred.endedBy;
      contact.endCode = DESK_ENDS.transferred.endCode;
      delete contact.endReason;
      return;
    }
    if (customerLive(contact)) this.engine.send({ type: 'hangup', callId: contact.id });
    // Replaces normally ends the third leg from the far side; make sure it does.
    if (contact.thirdParty) this.reaper.hangUpLater(contact.thirdParty.callId);
    delete contact.thirdParty;
    stopMix(this.engine, contact);
    this.host.lastLegEnded(contact, 'end', DESK_ENDS.transferred);
  }
}

/** Reports about a leg's media only count while the call is connected and the leg up. */
function reportsCount(contact: VoiceDeskContact, leg: Leg): boolean {
  if (contact.state !== 'connected') return false;
  return leg === 'thirdParty' || customerLive(contact);
}
