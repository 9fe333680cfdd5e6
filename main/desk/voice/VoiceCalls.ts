/**
 * The voice channel of the desk: offers and their ring timers, auto-accept, the calls the
 * agent places, answering, rejecting and ending calls, and the engine's reports about them.
 *
 * Whether an offer may ring and whether a dial may go out are AgentDesk's decisions, taken
 * before it calls in here; this class carries them out on the contact book and the engine.
 */
import { MONITOR_HEADER, type EngineEvent, type Peer } from '../../../common/contract';
import type { ContactBook } from '../contacts/ContactBook';
import { DESK_ENDS, type ContactEnd } from '../contacts/DeskContact';
import { isActiveContactState } from '../contacts/contactMachine';
import { OfferTimer } from '../contacts/OfferTimer';
import type { Clock, DeskLogger, EnginePort } from '../ports';
import { CallControl, type InCallSettings } from './CallControl';
import { CallLog } from './CallLog';
import { endCodeOf } from './endCause';
import { LegReports, type LegReportsHost } from './LegReports';
import { releaseLegs, type Leg } from './legs';
import type { OfferHeaderNames } from './offerHeaders';
import { dialledCall, legEndFromEngine, offeredCall, type VoiceDeskContact } from './voiceContact';
import { CallRecordings, type RecordingSettings } from './recording/CallRecordings';
import type { RecordingFiles } from './recording/RecordingFiles';
import { ListenInDesk } from './monitoring/ListenInDesk';
import type { ListenInSettings } from './monitoring/listenInRefusal';
import { DeskPhoneCalls } from './deskPhone/DeskPhoneCalls';

/** The profile settings the voice channel reads; they change when a profile is applied. */
export interface VoiceSettings extends InCallSettings {
  ringTimeoutMs: number;
  /** Voice offers connect without a click, after an optional beep (D2). */
  autoAccept: { voice: boolean; beep: boolean };
  /** Names of the offer headers carrying the queue name and the callback flag (D1, D7). */
  sipHeaders: OfferHeaderNames;
  /** An INVITE with Replaces may take over a call (a PBX that transfers that way). */
  acceptReplaces: boolean;
  /** Whether the agent may record calls, and whether every call is recorded (D9). */
  recording: RecordingSettings;
  /** Who may listen in on the agent's calls (F1). */
  listenIn: ListenInSettings;
}

export interface VoiceCallsHost extends Pick<LegReportsHost, 'notice'> {
  settings(): VoiceSettings;
  changed(): void;
  /**
   * Desk phone mode (B3): what the engine dials to ring the agent's desk phone, or undefined
   * while the agent uses the softphone.
   */
  deskPhone?(): string | undefined;
}

/** The engine's events about calls, as opposed to the session's. */
export type CallEvent = Extract<
  EngineEvent,
  {
    type:
      | 'progress'
      | 'confirmed'
      | 'ended'
      | 'hold'
      | 'hold-failed'
      | 'remote-hold'
      | 'quality'
      | 'replaced'
      | 'transfer'
      | 'refer'
      | 'replaces'
      | 'dtmf'
      | 'recording-chunk'
      | 'recording-ended'
      | 'monitor-request'
      | 'monitor-ended';
  }
>;

type Offer = Extract<EngineEvent, { type: 'incoming' }>;

export class VoiceCalls {
  readonly control: CallControl;
  private readonly reports: LegReports;
  private readonly callLog: CallLog;
  /** The agent's recordings of calls (D9). */
  readonly recordings: CallRecordings;
  /** Supervisors' listen-ins on the agent's calls (F1). */
  private readonly listenIns: ListenInDesk;
  /** Desk phone mode's second legs (B3). */
  readonly deskPhone: DeskPhoneCalls;

  constructor(
    private readonly engine: EnginePort,
    private readonly clock: Clock,
    private readonly logger: DeskLogger,
    private readonly book: ContactBook,
    private readonly host: VoiceCallsHost,
    recordingFiles?: RecordingFiles,
  ) {
    this.callLog = new CallLog(logger);
    const lastLegEnded = (
      contact: VoiceDeskContact,
      event: 'end' | 'remoteEnded',
      end: ContactEnd,
    ) => this.book.move(contact, event, end);
    this.control = new CallControl(engine, logger, {
      settings: () => host.settings(),
      lastLegEnded,
    });
    this.recordings = new CallRecordings(engine, recordingFiles, clock, logger, {
      settings: () => host.settings().recording,
      contact: (contactId) => this.book.voice(contactId),
      failed: (file) => host.notice('warning', 'recordingFailed', { file }),
      changed: () => host.changed(),
    });
    this.listenIns = new ListenInDesk(
      engine,
      logger,
      () => host.settings().listenIn,
      () => this.book.calls().find((contact) => contact.state === 'connected'),
    );
    this.deskPhone = new DeskPhoneCalls(engine, logger, {
      contact: (contactId) => this.book.voice(contactId),
      move: (contact, event, end) => this.book.move(contact, event, end),
      answered: (contact) => {
        this.book.move(contact, 'accept');
        this.engine.send({ type: 'answer', callId: contact.id });
        this.callLog.answered(contact.id, false);
      },
      released: (contact) => this.releaseOffer(contact, 'ringTimeout'),
    });
    this.reports = new LegReports(engine, clock, logger, {
      notice: (level, code, values) => host.notice(level, code, values),
      lastLegEnded,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Offers
  // -------------------------------------------------------------------------------------------

  /** The desk will not take this call: 486 lets the server try elsewhere. */
  refuseOffer(event: Offer, statusId: string): void {
    this.logger.info('offer refused: agent not routable', { callId: event.callId, statusId });
    this.engine.send({ type: 'reject', callId: event.callId, status: 486 });
  }

  /** The offer rings until its deadline, or connects at once when the profile auto-accepts. */
  offer(event: Offer): void {
    const { sipHeaders, ringTimeoutMs, autoAccept } = this.host.settings();
    const contact = offeredCall(event, sipHeaders, this.clock.now());
    contact.offerTimer = new OfferTimer(this.clock, ringTimeoutMs, () =>
      this.ringTimedOut(contact.id),
    );
    contact.ringDeadline = contact.offerTimer.deadline;
    this.book.add(contact);
    this.callLog.offered({
      callId: contact.id,
      from: event.from.user,
      displayName: event.from.displayName,
      queue: contact.queue,
      callback: contact.callback,
    });
    const deskPhone = this.host.deskPhone?.();
    if (deskPhone !== undefined) {
      // No Accept: the desk phone answering is the agent taking the call.
      this.deskPhone.ringForOffer(contact, deskPhone);
      return;
    }
    if (autoAccept.voice) {
      contact.autoAccepted = true;
      this.book.move(contact, 'accept');
      this.engine.send({ type: 'answer', callId: contact.id, beep: autoAccept.beep });
      this.callLog.answered(contact.id, true);
    }
  }

  private ringTimedOut(contactId: string): void {
    const contact = this.book.voice(contactId);
    if (!contact || contact.state !== 'incoming') return;
    this.releaseOffer(contact, 'ringTimeout');
    this.host.changed();
  }

  /** The offer rang out (here or on the desk phone): missed, and the queue hunts on. */
  private releaseOffer(contact: VoiceDeskContact, by: 'ringTimeout'): void {
    this.book.move(contact, 'ringTimeout', DESK_ENDS.ringTimeout);
    this.deskPhone.ended(contact.id);
    // 480 lets the server hunt the next agent.
    this.engine.send({ type: 'reject', callId: contact.id, status: 480 });
    this.callLog.rejected(contact.id, 480, by);
  }

  // -------------------------------------------------------------------------------------------
  // The agent's intents on a call as a whole
  // -------------------------------------------------------------------------------------------

  accept(contact: VoiceDeskContact): void {
    this.book.move(contact, 'accept');
    // Taken at the PC after all (a headset's answer key): the desk phone stops ringing.
    this.deskPhone.ended(contact.id);
    delete contact.deskPhone;
    this.engine.send({ type: 'answer', callId: contact.id });
    this.callLog.answered(contact.id, false);
  }

  reject(contact: VoiceDeskContact): void {
    this.book.move(contact, 'reject');
    this.deskPhone.ended(contact.id);
    // 486 rather than 603: a queue treats "busy here" as "try the next agent".
    this.engine.send({ type: 'reject', callId: contact.id, status: 486 });
    this.callLog.rejected(contact.id, 486, 'agent');
  }

  /** Ends the call with every leg still up; `voicemail`: the agent left one (D7). */
  end(contact: VoiceDeskContact, voicemail: boolean): void {
    // Checked first: an illegal End must not hang anything up.
    this.book.check(contact, 'end');
    this.control.hangUpAll(contact);
    this.deskPhone.ended(contact.id);
    if (voicemail) contact.voicemail = true;
    this.book.move(contact, 'end', DESK_ENDS.agentEnded);
  }

  /**
   * Listens in on an agent (F1): through the PBX's feature code when the profile has one,
   * otherwise a call to the agent's own engine marked for listen-in. Listen-only: the
   * supervisor's microphone is muted from the start (the agent's engine plays nothing of it
   * anyway).
   */
  monitor(target: string, featureCode: string | undefined, peer: Peer): void {
    const contact = dialledCall(globalThis.crypto.randomUUID(), peer, this.clock.now());
    contact.monitoring = true;
    contact.muted = true;
    this.book.add(contact);
    this.engine.send({
      type: 'call',
      callId: contact.id,
      target: featureCode ? `${featureCode}${target}` : target,
      ...(featureCode ? {} : { headers: { [MONITOR_HEADER]: 'listen' } }),
    });
    this.engine.send({ type: 'mute', callId: contact.id, muted: true });
    this.callLog.dialed(contact.id, 'customer', target);
  }

  /** Places a call to `target` (what the engine dials), shown to the agent as `peer`. */
  dial(target: string, peer: Peer): void {
    const contact = dialledCall(globalThis.crypto.randomUUID(), peer, this.clock.now());
    this.book.add(contact);
    this.callLog.dialed(contact.id, 'customer', target);
    const deskPhone = this.host.deskPhone?.();
    if (deskPhone !== undefined) {
      // Click-to-call: the desk phone rings first, the customer is called once it answers.
      this.deskPhone.ringForDial(contact, deskPhone, target);
      return;
    }
    this.engine.send({ type: 'call', callId: contact.id, target });
  }

  /** The contact left `connected`: its legs are gone with it. */
  releaseLegs(contact: VoiceDeskContact): void {
    this.recordings.left(contact);
    releaseLegs(this.engine, contact);
  }

  /** The engine lost its calls: every live one fails, and its desk phone legs end with it. */
  closeAll(): void {
    const live = this.book.calls().filter((contact) => isActiveContactState(contact.state));
    for (const contact of live) this.book.move(contact, 'failed', DESK_ENDS.engineRestarted);
    this.deskPhone.engineLost();
  }

  // -------------------------------------------------------------------------------------------
  // Engine reports
  // -------------------------------------------------------------------------------------------

  /** Applies the engine's report about a call; true when the desk changed. */
  handle(event: CallEvent): boolean {
    if ('callId' in event && this.deskPhone.owns(event.callId)) return this.deskPhone.handle(event);
    switch (event.type) {
      case 'progress':
        return false;
      case 'confirmed':
        return this.onConfirmed(event.callId);
      case 'ended':
        return this.onEnded(event);
      case 'hold':
      case 'hold-failed':
        return this.onLeg(event.callId, (contact, leg) => this.reports.held(contact, leg, event));
      case 'remote-hold':
        return this.onLeg(event.callId, (contact, leg) =>
          this.reports.remoteHold(contact, leg, event.held),
        );
      case 'quality':
        return this.onLeg(event.callId, (contact, leg) =>
          this.reports.quality(contact, leg, event),
        );
      case 'replaced':
        return this.onLeg(event.callId, (contact, leg) =>
          this.reports.replaced(contact, leg, event),
        );
      case 'transfer':
        return this.onLeg(event.callId, (contact, leg) => {
          if (leg === 'customer') this.reports.transferOutcome(contact, event);
        });
      case 'refer':
        return this.onRefer(event);
      case 'replaces':
        return this.onReplaces(event);
      case 'dtmf':
        // Never the digit itself: DTMF carries card numbers and PINs (PCI DSS).
        this.logger.info('dtmf', { callId: event.callId, originator: event.originator });
        return false;
      case 'recording-chunk':
      case 'recording-ended':
        return this.recordings.handle(event);
      case 'monitor-request':
      case 'monitor-ended':
        return this.listenIns.handle(event);
    }
  }

  /** The call and leg a callId belongs to: the customer's call has the contact's id. */
  private findLeg(callId: string): { contact: VoiceDeskContact; leg: Leg } | undefined {
    const own = this.book.voice(callId);
    if (own) return { contact: own, leg: 'customer' };
    for (const contact of this.book.calls()) {
      if (contact.thirdParty?.callId === callId) return { contact, leg: 'thirdParty' };
    }
    return undefined;
  }

  private onLeg(callId: string, apply: (contact: VoiceDeskContact, leg: Leg) => void): boolean {
    const found = this.findLeg(callId);
    if (!found) return false;
    apply(found.contact, found.leg);
    return true;
  }

  private onConfirmed(callId: string): boolean {
    const found = this.findLeg(callId);
    if (!found) return false;
    this.callLog.confirmed(callId, found.leg);
    if (found.leg === 'customer') {
      this.book.move(found.contact, 'confirmed');
      this.deskPhone.customerAnswered(found.contact);
      this.recordings.connected(found.contact);
    } else {
      this.reports.thirdPartyConfirmed(found.contact, this.clock.now());
      this.recordings.legsChanged(found.contact);
    }
    return true;
  }

  private onEnded(event: Extract<CallEvent, { type: 'ended' }>): boolean {
    const found = this.findLeg(event.callId);
    this.callLog.ended(event, found?.leg, endCodeOf(event));
    if (!found) {
      this.reports.strayEnded(event.callId);
      return false;
    }
    const { contact, leg } = found;
    if (!this.reports.legEnded(contact, leg, event)) {
      const next = event.failed ? 'failed' : 'remoteEnded';
      this.book.move(contact, next, legEndFromEngine(event));
    }
    if (leg === 'customer') this.deskPhone.customerGone(contact.id);
    return true;
  }

  /**
   * The far end asks us to call someone else (REFER). Always refused: an agent's phone must not
   * be redirected by whoever is on the line (toll fraud: a caller referring us to a premium
   * number). Transfers are the agent's decision, made through the desk.
   */
  private onRefer(event: Extract<CallEvent, { type: 'refer' }>): boolean {
    this.logger.warn('refer refused', { callId: event.callId, replaces: event.replaces });
    this.engine.send({ type: 'refer-answer', callId: event.callId, accept: false });
    if (!this.findLeg(event.callId)) return false;
    this.host.notice('warning', 'referRefused');
    return true;
  }

  /**
   * An INVITE with Replaces asks to take one of our calls over. Refused (403) unless the
   * profile allows it (`sipPolicy.acceptReplaces`, for a PBX that transfers calls to agents
   * that way): otherwise anyone who learns a call's dialog identifiers could take the
   * customer away from the agent.
   */
  private onReplaces(event: Extract<CallEvent, { type: 'replaces' }>): boolean {
    const accept = this.host.settings().acceptReplaces;
    this.logger[accept ? 'info' : 'warn'](accept ? 'replaces accepted' : 'replaces refused', {
      callId: event.callId,
      from: event.from,
    });
    this.engine.send({ type: 'replaces-answer', callId: event.callId, accept });
    if (accept || !this.findLeg(event.callId)) return false;
    this.host.notice('warning', 'replacesRefused');
    return true;
  }
}
