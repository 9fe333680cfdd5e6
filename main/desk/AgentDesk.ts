/**
 * AgentDesk: the one source of truth for the agent's session, status and contacts.
 *
 * Every input (UI intents, engine events, timers) comes in here, is checked against the
 * transition tables, and produces a new DeskState plus commands to the engine. Nothing else
 * in the app decides whether a call may ring, so the UI window, the tray, notifications and
 * the headset all stay consistent by simply following the snapshot.
 */
import {
  AVAILABLE,
  OFFLINE,
  type AgentStatusDefinition,
  type ContactDetails,
  type ContactState,
  type DeskState,
  type EngineAccount,
  type EngineEvent,
  type IntentResult,
  type LegSelector,
  type Notice,
  type QuickConnect,
  type RegistrationState,
  type SessionPhase,
  type SignInError,
  type SignInResult,
  type TransferTarget,
  type ValidSignInRequest,
} from '../../common/contract';
import { parseDialLink } from '../dialing/dialLink';
import { DialingRulesConfig, planDial } from '../dialing/DialingRules';
import type { ContactHistory } from '../history/DeskHistory';
import type { HistoryRecord } from '../history/HistoryRecord';
import {
  CallControl,
  type CallPermissions,
  type DtmfMode,
  type InCallSettings,
  type Leg,
} from './CallControl';
import { CallLog } from './CallLog';
import { contactRecord } from './contactRecord';
import { BUILT_IN_STATUSES, DEFAULT_CUSTOM_STATUSES } from './defaultStatuses';
import { isActiveContactState, nextContactState, type ContactEvent } from './contactMachine';
import {
  FRESH_CONTACT_FIELDS,
  legEndFromEngine,
  publicContact,
  type DeskContact,
  type LegEnd,
} from './DeskContact';
import { endCodeOf } from './endCause';
import { DEFAULT_OFFER_HEADER_NAMES, offerDetails, type OfferHeaderNames } from './offerHeaders';
import { OfferTimer } from './OfferTimer';
import type { Clock, DeskLogger, EnginePort, TimerHandle } from './ports';
import { nextSessionPhase, type SessionEvent } from './sessionMachine';
import { signInErrorFromRegistration, signInErrorFromTransport } from './signInErrors';
import { detailsRefusal, isWrapUpRequired, NO_WRAP_UP, type WrapUpSettings } from './wrapUp';

/** What the desk remembers between runs about how the agent signs in. */
export interface SignInMemory {
  load(): { form: SignInForm; password: string | undefined } | undefined;
  save(form: SignInForm, password: string): void;
}
export type SignInForm = Omit<ValidSignInRequest, 'password'>;

/** Where the agent's last chosen status is kept, so the next sign-in restores it (A4). */
export interface StatusMemory {
  load(): string | undefined;
  save(statusId: string): void;
}

/** The options a provisioning profile controls; `applyProfile` swaps them at run time. */
export type DeskProfileSettings = Partial<
  Pick<
    AgentDeskOptions,
    | 'ringTimeoutMs'
    | 'acwTimeoutMs'
    | 'autoAccept'
    | 'customStatuses'
    | 'dialingRules'
    | 'quickConnects'
    | 'permissions'
    | 'sipHeaders'
    | 'wrapUp'
    | 'dtmfMode'
  >
>;

export interface AgentDeskOptions {
  engine: EnginePort;
  clock: Clock;
  memory: SignInMemory;
  logger: DeskLogger;
  statusMemory?: StatusMemory;
  ringTimeoutMs?: number;
  /** After contact work clears on its own after this long; undefined or 0: only by Clear. */
  acwTimeoutMs?: number;
  /** Where status changes and finished contacts are recorded (C4, H1). */
  history?: ContactHistory;
  /** How typed numbers become dial targets, and which ones are refused (D4). */
  dialingRules?: DialingRulesConfig;
  /** Transfer and dial targets from the profile (D5). */
  quickConnects?: readonly QuickConnect[];
  /** Voice offers connect without a click, after an optional beep (D2). */
  autoAccept?: { voice: boolean; beep: boolean };
  signInTimeoutMs?: number;
  customStatuses?: readonly AgentStatusDefinition[];
  iceServers?: EngineAccount['iceServers'];
  /** Transfer and conference may be switched off by the profile (D6); both on by default. */
  permissions?: CallPermissions;
  /** Names of the offer headers carrying the queue name and the callback flag (D1, D7). */
  sipHeaders?: OfferHeaderNames;
  /** Wrap-up codes and whether one is required before Clear Contact (D8). */
  wrapUp?: WrapUpSettings;
  /** How DTMF is sent (D3). */
  dtmfMode?: DtmfMode;
}

type Listener = (state: DeskState) => void;

interface PendingSignIn {
  resolve: (result: SignInResult) => void;
  timeout: TimerHandle;
}

export const DEFAULT_RING_TIMEOUT_MS = 20_000;
/** Until a profile sets the country, numbers are read as North American ones. */
const DEFAULT_DIALING_RULES: DialingRulesConfig = DialingRulesConfig.parse({
  defaultCountry: 'US',
});
const DEFAULT_SIGN_IN_TIMEOUT_MS = 15_000;

export class AgentDesk {
  private readonly engine: EnginePort;
  private readonly clock: Clock;
  private readonly memory: SignInMemory;
  private readonly logger: DeskLogger;
  private ringTimeoutMs!: number;
  private acwTimeoutMs!: number;
  private autoAccept!: { voice: boolean; beep: boolean };
  private readonly statusMemory: StatusMemory | undefined;
  private dialingRules!: DialingRulesConfig;
  private readonly history: ContactHistory | undefined;
  private profileSummary: DeskState['profile'];
  private quickConnects!: readonly QuickConnect[];
  private dialDraft: DeskState['dialDraft'];
  private readonly signInTimeoutMs: number;
  private statuses!: AgentStatusDefinition[];
  private readonly iceServers: EngineAccount['iceServers'];
  private permissions!: CallPermissions;
  private sipHeaders!: OfferHeaderNames;
  private wrapUp!: WrapUpSettings;
  private dtmfMode!: DtmfMode;
  private readonly calls: CallControl;
  private readonly callLog: CallLog;

  private revision = 0;
  private phase: SessionPhase = 'signedOut';
  private signInError: SignInError | undefined;
  private account: EngineAccount | undefined;
  private identity: DeskState['session']['identity'];
  private registration: RegistrationState = 'unregistered';
  private statusId: string = OFFLINE;
  private statusSince: number;
  private readonly contacts = new Map<string, DeskContact>();
  private notice: Notice | undefined;
  private noticeSeq = 0;
  private pendingSignIn: PendingSignIn | undefined;
  private readonly listeners = new Set<Listener>();
  /** Cached: reading it may decrypt the saved password, far too slow for every snapshot. */
  private remembered: ReturnType<SignInMemory['load']>;
  private engineSeenReady = false;

  constructor(options: AgentDeskOptions) {
    this.engine = options.engine;
    this.clock = options.clock;
    this.memory = options.memory;
    this.logger = options.logger;
    this.callLog = new CallLog(options.logger);
    this.useProfileSettings(options);
    this.statusMemory = options.statusMemory;
    this.history = options.history;
    this.signInTimeoutMs = options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    this.iceServers = options.iceServers ?? [];
    this.statusSince = this.clock.now();
    this.remembered = this.memory.load();
    this.calls = new CallControl(this.engine, this.clock, this.logger, {
      settings: () => this.inCallSettings(),
      notice: (level, key, values) => this.setNotice(level, key, values),
      lastLegEnded: (contact, event, end) => this.moveContact(contact, event, end),
    });
  }

  /**
   * Puts a new profile's settings in force. Offers already ringing keep their deadline; the
   * chosen status stays even if the new profile dropped it, until the agent picks another.
   */
  applyProfile(settings: DeskProfileSettings, summary?: DeskState['profile']): void {
    this.profileSummary = summary;
    this.useProfileSettings(settings);
    this.changed();
  }

  /** The one place the profile-controlled options get their defaults, at construction and after. */
  private useProfileSettings(settings: DeskProfileSettings): void {
    this.ringTimeoutMs = settings.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS;
    this.acwTimeoutMs = settings.acwTimeoutMs ?? 0;
    this.autoAccept = settings.autoAccept ?? { voice: false, beep: false };
    this.statuses = [...BUILT_IN_STATUSES, ...(settings.customStatuses ?? DEFAULT_CUSTOM_STATUSES)];
    this.dialingRules = settings.dialingRules ?? DEFAULT_DIALING_RULES;
    this.quickConnects = settings.quickConnects ?? [];
    this.permissions = settings.permissions ?? { transfer: true, conference: true };
    this.sipHeaders = settings.sipHeaders ?? DEFAULT_OFFER_HEADER_NAMES;
    this.wrapUp = settings.wrapUp ?? NO_WRAP_UP;
    this.dtmfMode = settings.dtmfMode ?? 'auto';
  }

  private inCallSettings(): InCallSettings {
    return {
      permissions: this.permissions,
      dtmfMode: this.dtmfMode,
      dialingRules: this.dialingRules,
      quickConnects: this.quickConnects,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Snapshot
  // -------------------------------------------------------------------------------------------

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): DeskState {
    const remembered = this.remembered;
    return {
      revision: this.revision,
      session: {
        phase: this.phase,
        ...(this.signInError ? { error: this.signInError } : {}),
        ...(remembered
          ? {
              form: {
                ...remembered.form,
                hasSavedPassword: remembered.password !== undefined && remembered.password !== '',
              },
            }
          : {}),
        ...(this.identity ? { identity: this.identity } : {}),
      },
      registration: this.registration,
      agent: {
        statusId: this.statusId,
        statusSince: this.statusSince,
        statuses: this.statuses,
        routable: this.isRoutable(),
      },
      dialing: { defaultCountry: this.dialingRules.defaultCountry },
      ...(this.dialDraft ? { dialDraft: this.dialDraft } : {}),
      quickConnects: this.visibleQuickConnects(),
      contacts: [...this.contacts.values()].map(publicContact),
      contactOptions: {
        transfer: this.permissions.transfer,
        conference: this.permissions.conference,
        wrapUpCodes: [...this.wrapUp.codes],
        wrapUpRequired: isWrapUpRequired(this.wrapUp),
      },
      ...(this.notice ? { notice: this.notice } : {}),
      ...(this.profileSummary ? { profile: this.profileSummary } : {}),
      ...(this.history ? { today: this.todayFigures(this.history) } : {}),
    };
  }

  /** Agent and queue quick connects are transfer targets: they only make sense during a call. */
  private visibleQuickConnects(): QuickConnect[] {
    const onCall = [...this.contacts.values()].some((contact) => contact.state === 'connected');
    return this.quickConnects.filter((entry) => onCall || entry.kind === 'external');
  }

  private todayFigures(history: ContactHistory): DeskState['today'] {
    const today = history.today(this.clock.now());
    return {
      handled: today.handled,
      missed: today.missed,
      rejected: today.rejected,
      ...(today.averageHandleMs !== undefined ? { averageHandleMs: today.averageHandleMs } : {}),
      totalAcwMs: today.totalAcwMs,
      statusTime: today.statusTime.map(({ statusId, label, ms }) => ({ statusId, label, ms })),
    };
  }

  private changed(): void {
    this.revision += 1;
    const state = this.snapshot();
    for (const listener of this.listeners) listener(state);
  }

  private isRoutable(): boolean {
    return (
      this.phase === 'signedIn' &&
      this.statusId === AVAILABLE &&
      this.registration === 'registered' &&
      this.contacts.size === 0
    );
  }

  private setNotice(level: Notice['level'], key: string, values?: Notice['values']): void {
    this.noticeSeq += 1;
    this.notice = { id: this.noticeSeq, level, key, ...(values ? { values } : {}) };
  }

  // -------------------------------------------------------------------------------------------
  // Session
  // -------------------------------------------------------------------------------------------

  private moveSession(event: SessionEvent): void {
    this.phase = nextSessionPhase(this.phase, event);
  }

  /** `serverUrls`: the servers to try in order (the profile's list); the form's one alone by default. */
  signIn(
    request: ValidSignInRequest,
    serverUrls: string[] = [request.serverUrl],
  ): Promise<SignInResult> {
    if (this.phase !== 'signedOut') {
      return Promise.resolve({
        ok: false,
        error: { code: 'rejected', detail: 'already signed in' },
      });
    }
    const remembered = this.remembered;
    const password =
      request.password !== ''
        ? request.password
        : remembered && sameAccount(remembered.form, request)
          ? remembered.password
          : undefined;
    if (password === undefined || password === '') {
      return Promise.resolve({ ok: false, error: { code: 'badCredentials', field: 'password' } });
    }
    const { password: _typed, ...form } = request;
    this.moveSession('signIn');
    this.signInError = undefined;
    this.account = {
      serverUrls,
      sipUri: request.sipUri,
      authUser: request.authUser,
      password,
      displayName: request.displayName,
      iceServers: this.iceServers,
      // Besides X- headers the engine forwards only what it is told to: the profile's names.
      // Taken at sign-in; a profile applied later takes effect at the next sign-in.
      forwardedHeaders: [
        ...new Set([this.sipHeaders.queueName, this.sipHeaders.callback].map(lowerCase)),
      ],
    };
    this.identity = { uri: request.sipUri, displayName: request.displayName };
    this.registration = 'registering';
    this.engine.send({ type: 'connect', account: this.account, register: true });
    this.changed();

    return new Promise<SignInResult>((resolve) => {
      const timeout = this.clock.after(this.signInTimeoutMs, () =>
        this.finishSignIn({ code: 'timeout', field: 'serverUrl' }),
      );
      this.pendingSignIn = {
        resolve: (result) => {
          if (result.ok) {
            this.memory.save(form, password);
            this.remembered = { form, password };
          }
          resolve(result);
        },
        timeout,
      };
    });
  }

  /** Ends a pending sign-in: success when `error` is undefined. */
  private finishSignIn(error: SignInError | undefined): void {
    const pending = this.pendingSignIn;
    if (!pending || this.phase !== 'signingIn') return;
    this.pendingSignIn = undefined;
    pending.timeout.cancel();
    if (error) {
      this.moveSession('signInFailed');
      this.signInError = error;
      this.resetConnection();
      this.logger.warn('sign-in failed', { ...error });
      this.changed();
      pending.resolve({ ok: false, error });
      return;
    }
    this.moveSession('registered');
    this.registration = 'registered';
    this.setStatusInternal(this.rememberedStatus());
    this.reconcileRegistration();
    this.logger.info('signed in', { uri: this.identity?.uri });
    this.changed();
    pending.resolve({ ok: true });
  }

  signOut(): IntentResult {
    if (this.hasActiveContact()) return { ok: false, reason: 'contactActive' };
    if (this.phase === 'signedOut') return { ok: false, reason: 'notSignedIn' };
    // The guides insist on Offline first, so reporting sees the agent leave routing.
    this.setStatusInternal(OFFLINE);
    if (this.phase === 'signingIn') this.finishSignIn({ code: 'rejected', detail: 'cancelled' });
    if (this.phase === 'signedIn') this.moveSession('signOut');
    // Contacts still in wrap-up are cleared by signing out: they still count in the history.
    for (const contact of [...this.contacts.values()]) {
      contact.offerTimer?.cancel();
      contact.acwTimer?.cancel();
      this.contacts.delete(contact.id);
      this.recordContact(contact, contact.state, 'clear');
    }
    this.resetConnection();
    this.identity = undefined;
    this.notice = undefined;
    this.changed();
    return { ok: true };
  }

  private resetConnection(): void {
    this.engine.send({ type: 'disconnect' });
    this.account = undefined;
    this.registration = 'unregistered';
  }

  // -------------------------------------------------------------------------------------------
  // Status
  // -------------------------------------------------------------------------------------------

  setStatus(statusId: string): IntentResult {
    if (this.phase !== 'signedIn') return { ok: false, reason: 'notSignedIn' };
    if (!this.statuses.some((status) => status.id === statusId)) {
      return { ok: false, reason: 'unknownStatus' };
    }
    if (statusId === this.statusId) return { ok: true };
    this.setStatusInternal(statusId);
    this.statusMemory?.save(statusId);
    this.reconcileRegistration();
    this.changed();
    return { ok: true };
  }

  private setStatusInternal(statusId: string): void {
    if (statusId === this.statusId) return;
    this.statusId = statusId;
    this.statusSince = this.clock.now();
    this.logger.info('status', { statusId });
    const label = this.statuses.find((status) => status.id === statusId)?.label ?? statusId;
    this.record({ type: 'status', at: this.statusSince, statusId, label });
  }

  /** History must never cost a call: a failed append is logged, not thrown into the desk. */
  private record(record: HistoryRecord): void {
    if (!this.history) return;
    try {
      this.history.append(record);
    } catch (error) {
      this.logger.warn('history append failed', { error: String(error) });
    }
  }

  private recordContact(contact: DeskContact, from: ContactState, event: ContactEvent): void {
    this.record(contactRecord(contact, from, event, this.clock.now()));
  }

  /** The status the agent last chose, when it still exists; Offline otherwise. */
  private rememberedStatus(): string {
    const remembered = this.statusMemory?.load();
    return remembered && this.statuses.some((status) => status.id === remembered)
      ? remembered
      : OFFLINE;
  }

  /**
   * Offline unregisters; any other status (and any open contact) needs the registration.
   * Called only on agent-driven changes, never from registration events, so a server that
   * keeps refusing us cannot start a register loop.
   */
  private reconcileRegistration(): void {
    if (this.phase !== 'signedIn') return;
    const wanted = this.statusId !== OFFLINE || this.contacts.size > 0;
    if (wanted && (this.registration === 'unregistered' || this.registration === 'failed')) {
      this.registration = 'registering';
      this.engine.send({ type: 'register' });
    } else if (!wanted && this.registration === 'registered') {
      this.registration = 'unregistering';
      this.engine.send({ type: 'unregister' });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Contacts: agent intents
  // -------------------------------------------------------------------------------------------

  accept(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    this.moveContact(contact, 'accept');
    this.engine.send({ type: 'answer', callId: contactId });
    this.callLog.answered(contactId, false);
    this.changed();
    return { ok: true };
  }

  reject(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    this.moveContact(contact, 'reject');
    // 486 rather than 603: a queue treats "busy here" as "try the next agent".
    this.engine.send({ type: 'reject', callId: contactId, status: 486 });
    this.callLog.rejected(contactId, 486, 'agent');
    this.changed();
    return { ok: true };
  }

  /** Ends the contact with every leg still up; `voicemail`: the agent left one (D7). */
  end(contactId: string, options: { voicemail?: boolean } = {}): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    // Checked first: an illegal End must not hang anything up.
    nextContactState(contact.state, 'end');
    this.calls.hangUpAll(contact);
    if (options.voicemail) contact.voicemail = true;
    this.moveContact(contact, 'end', { endedBy: 'agent', endReason: 'Agent ended' });
    this.changed();
    return { ok: true };
  }

  clear(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    if (
      contact.state === 'acw' &&
      isWrapUpRequired(this.wrapUp) &&
      contact.details.wrapUpCode === undefined
    ) {
      return { ok: false, reason: 'wrapUpRequired' };
    }
    this.clearContact(contact);
    return { ok: true };
  }

  private clearContact(contact: DeskContact): void {
    this.moveContact(contact, 'clear');
    this.reconcileRegistration();
    this.changed();
  }

  // -------------------------------------------------------------------------------------------
  // Contacts: in-call control (D3, D6, D7) and details (D8), delegated to CallControl
  // -------------------------------------------------------------------------------------------

  hold(contactId: string, leg: LegSelector, hold: boolean): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.hold(contact, leg, hold));
  }

  mute(contactId: string, muted: boolean): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.mute(contact, muted));
  }

  sendDtmf(contactId: string, digits: string): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.sendDtmf(contact, digits));
  }

  /** Customer on hold, a second leg dials the target. */
  consult(contactId: string, to: TransferTarget): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.consult(contact, to));
  }

  /** Blind transfer. */
  transfer(contactId: string, to: TransferTarget): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.blindTransfer(contact, to));
  }

  join(contactId: string): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.join(contact));
  }

  swap(contactId: string): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.swap(contact));
  }

  /** Attended transfer: the agent drops out, customer and third party stay connected. */
  leave(contactId: string): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.leave(contact));
  }

  endLeg(contactId: string, leg: Leg): IntentResult {
    return this.inCall(contactId, (contact) => this.calls.endLeg(contact, leg));
  }

  /** Notes, wrap-up code and follow-up: while on the call or in ACW, not once cleared. */
  saveDetails(contactId: string, details: ContactDetails): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    if (contact.state !== 'connected' && contact.state !== 'acw') {
      return { ok: false, reason: 'notEditable' };
    }
    const refusal = detailsRefusal(details, this.wrapUp);
    if (refusal) return { ok: false, reason: refusal };
    contact.details = {
      notes: details.notes,
      ...(details.wrapUpCode !== undefined ? { wrapUpCode: details.wrapUpCode } : {}),
      ...(details.followUp ? { followUp: { ...details.followUp } } : {}),
    };
    this.changed();
    return { ok: true };
  }

  private inCall(contactId: string, act: (contact: DeskContact) => IntentResult): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    const result = act(contact);
    if (result.ok) this.changed();
    return result;
  }

  dial(input: string): IntentResult {
    if (this.phase !== 'signedIn') return { ok: false, reason: 'notSignedIn' };
    // Dialing rules first: an emergency number gets its own message whatever the status.
    const plan = planDial(input, this.dialingRules);
    if (!plan.ok) {
      this.logger.info('dial refused', { reason: plan.reason });
      return { ok: false, reason: plan.reason };
    }
    const target = plan.kind === 'pstn' ? plan.e164 : plan.target;
    if (this.statusId === OFFLINE) return { ok: false, reason: 'offlineCannotDial' };
    if (this.contacts.size > 0) return { ok: false, reason: 'contactActive' };
    if (this.registration !== 'registered') return { ok: false, reason: 'notRegistered' };
    const now = this.clock.now();
    const contact: DeskContact = {
      id: globalThis.crypto.randomUUID(),
      channel: 'voice',
      direction: 'outbound',
      state: 'dialing',
      peer: { number: plan.kind === 'pstn' ? plan.display : target, displayName: '' },
      createdAt: now,
      stateSince: now,
      ...FRESH_CONTACT_FIELDS,
      details: { notes: '' },
    };
    this.contacts.set(contact.id, contact);
    this.engine.send({ type: 'call', callId: contact.id, target });
    this.callLog.dialed(contact.id, 'customer', target);
    this.changed();
    return { ok: true };
  }

  /**
   * A tel:, sip: or callto: link from the OS (D4): callto: dials at once, the others fill the
   * number pad for the agent to check and press Call. The URL is untrusted input.
   */
  openDialLink(url: string): IntentResult {
    const link = parseDialLink(url);
    if (!link) {
      this.setNotice('warning', 'dialLinkInvalid');
      this.changed();
      return { ok: false, reason: 'invalid' };
    }
    if (link.autoDial) {
      const result = this.dial(link.target);
      if (result.ok) return result;
      this.setNotice('warning', 'dialLinkRefused', { reason: result.reason });
    }
    this.dialDraft = { target: link.target, seq: (this.dialDraft?.seq ?? 0) + 1 };
    this.changed();
    return { ok: true };
  }

  private hasActiveContact(): boolean {
    return [...this.contacts.values()].some((contact) => isActiveContactState(contact.state));
  }

  private moveContact(
    contact: DeskContact,
    event: ContactEvent,
    details: Partial<LegEnd> = {},
  ): void {
    const from = contact.state;
    const target = nextContactState(from, event);
    if (from === 'incoming') contact.offerTimer?.cancel();
    if (from === 'acw' && target !== 'acw') contact.acwTimer?.cancel();
    if (target === 'removed') {
      this.contacts.delete(contact.id);
      this.recordContact(contact, from, event);
      return;
    }
    if (target === from) return;
    const now = this.clock.now();
    contact.state = target;
    contact.stateSince = now;
    if (target === 'connected') contact.connectedAt = now;
    if (from === 'connected') this.calls.releaseLegs(contact);
    if (target === 'acw' || target === 'missed' || target === 'failed') {
      contact.endedAt = now;
      // The code belongs to the reason: the first end recorded keeps both.
      if (contact.endReason === undefined && details.endReason !== undefined) {
        contact.endReason = details.endReason;
        if (details.endCode) contact.endCode = details.endCode;
      }
      contact.endedBy ??= details.endedBy;
    }
    if (from === 'incoming') delete contact.ringDeadline;
    if (target === 'acw' && this.acwTimeoutMs > 0) this.startAcwTimer(contact);
  }

  /** The profile's ACW timeout: wrap-up ends by itself, as if the agent pressed Clear. */
  private startAcwTimer(contact: DeskContact): void {
    contact.acwDeadline = this.clock.now() + this.acwTimeoutMs;
    contact.acwTimer = this.clock.after(this.acwTimeoutMs, () => {
      if (this.contacts.get(contact.id)?.state !== 'acw') return;
      this.logger.info('acw timed out', { contactId: contact.id });
      // The timeout is IT's promise that the agent returns to routing: it clears even when
      // a required wrap-up code is missing (the history shows none was chosen).
      this.clearContact(contact);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Engine events
  // -------------------------------------------------------------------------------------------

  handleEngineEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'ready':
        return this.onEngineReady();
      case 'transport':
        return this.onTransport(event);
      case 'registration':
        return this.onRegistration(event);
      case 'incoming':
        return this.onIncoming(event);
      case 'progress':
        return;
      case 'confirmed':
        return this.onConfirmed(event.callId);
      case 'ended':
        return this.onEnded(event);
      case 'hold':
      case 'hold-failed':
        return this.onLegReport(event.callId, (contact, leg) =>
          this.calls.holdReported(contact, leg, event),
        );
      case 'remote-hold':
        return this.onLegReport(event.callId, (contact, leg) =>
          this.calls.remoteHold(contact, leg, event.held),
        );
      case 'quality':
        return this.onLegReport(event.callId, (contact, leg) =>
          this.calls.quality(contact, leg, event),
        );
      case 'replaced':
        return this.onLegReport(event.callId, (contact, leg) =>
          this.calls.replaced(contact, leg, event),
        );
      case 'transfer':
        return this.onLegReport(event.callId, (contact, leg) => {
          if (leg === 'customer') this.calls.transferOutcome(contact, event);
        });
      case 'refer':
        return this.onRefer(event);
      case 'dtmf':
        // Never the digit itself: DTMF carries card numbers and PINs (PCI DSS).
        this.logger.info('dtmf', { callId: event.callId, originator: event.originator });
        return;
      case 'command-error':
        this.logger.warn('engine refused a command', { ...event });
        return;
    }
  }

  /** The contact and leg a call belongs to: the customer's call has the contact's id. */
  private findLeg(callId: string): { contact: DeskContact; leg: Leg } | undefined {
    const own = this.contacts.get(callId);
    if (own) return { contact: own, leg: 'customer' };
    for (const contact of this.contacts.values()) {
      if (contact.thirdParty?.callId === callId) return { contact, leg: 'thirdParty' };
    }
    return undefined;
  }

  private onLegReport(callId: string, apply: (contact: DeskContact, leg: Leg) => void): void {
    const found = this.findLeg(callId);
    if (!found) return;
    apply(found.contact, found.leg);
    this.changed();
  }

  /**
   * The far end asks us to call someone else (REFER). Always refused: an agent's phone must not
   * be redirected by whoever is on the line (toll fraud: a caller referring us to a premium
   * number). Transfers are the agent's decision, made through the desk.
   */
  private onRefer(event: Extract<EngineEvent, { type: 'refer' }>): void {
    this.logger.warn('refer refused', { callId: event.callId, replaces: event.replaces });
    this.engine.send({ type: 'refer-answer', callId: event.callId, accept: false });
    if (this.findLeg(event.callId)) {
      this.setNotice('warning', 'referRefused');
      this.changed();
    }
  }

  private onConfirmed(callId: string): void {
    const found = this.findLeg(callId);
    if (!found) return;
    this.callLog.confirmed(callId, found.leg);
    if (found.leg === 'customer') return this.onContactEvent(callId, 'confirmed');
    this.calls.thirdPartyConfirmed(found.contact, this.clock.now());
    this.changed();
  }

  /** The engine page (re)loaded: a reload loses its calls, so close them and reconnect. */
  private onEngineReady(): void {
    // The first ready is the page's first load: commands sent before it were queued for it.
    const reloaded = this.engineSeenReady;
    this.engineSeenReady = true;
    if (!reloaded || this.phase === 'signedOut' || !this.account) return;
    for (const contact of [...this.contacts.values()]) {
      if (isActiveContactState(contact.state)) {
        this.moveContact(contact, 'failed', { endedBy: 'system', endReason: 'Engine restarted' });
      }
    }
    this.registration = 'registering';
    const register = this.phase === 'signingIn' || this.statusId !== OFFLINE;
    this.engine.send({ type: 'connect', account: this.account, register });
    this.setNotice('warning', 'engineRestarted');
    this.changed();
  }

  private onTransport(event: Extract<EngineEvent, { type: 'transport' }>): void {
    if (event.state !== 'disconnected') return;
    if (this.phase === 'signingIn') {
      this.finishSignIn(signInErrorFromTransport(event.error));
      return;
    }
    if (this.phase === 'signedIn') {
      // JsSIP reconnects by itself and re-registers; the agent must see that routing stopped.
      if (this.registration === 'registered') this.registration = 'registering';
      this.setNotice('error', 'connectionLost');
      this.changed();
    }
  }

  private onRegistration(event: Extract<EngineEvent, { type: 'registration' }>): void {
    if (this.phase === 'signingIn') {
      if (event.state === 'registered') this.finishSignIn(undefined);
      else if (event.state === 'failed') this.finishSignIn(signInErrorFromRegistration(event));
      return;
    }
    if (this.phase !== 'signedIn') return;
    const before = this.registration;
    if (event.state === 'registered') {
      this.registration = 'registered';
      if (this.notice?.key === 'connectionLost' || this.notice?.key === 'registrationFailed') {
        this.setNotice('info', 'reconnected');
      }
      // An Offline chosen while the REGISTER was in flight still wins.
      this.reconcileRegistration();
    } else if (event.state === 'unregistered') {
      this.registration = 'unregistered';
    } else {
      this.registration = 'failed';
      this.setNotice('error', 'registrationFailed', {
        cause: [event.statusCode, event.cause].filter((part) => part !== undefined).join(' '),
      });
    }
    if (before !== this.registration || event.state === 'failed') this.changed();
  }

  private onIncoming(event: Extract<EngineEvent, { type: 'incoming' }>): void {
    if (!this.isRoutable()) {
      this.logger.info('offer refused: agent not routable', {
        callId: event.callId,
        statusId: this.statusId,
      });
      this.engine.send({ type: 'reject', callId: event.callId, status: 486 });
      return;
    }
    const now = this.clock.now();
    const contact: DeskContact = {
      id: event.callId,
      channel: 'voice',
      direction: 'inbound',
      state: 'incoming',
      peer: { number: event.from.user, displayName: event.from.displayName },
      ...offerDetails(event.headers, this.sipHeaders),
      createdAt: now,
      stateSince: now,
      ...FRESH_CONTACT_FIELDS,
      details: { notes: '' },
    };
    contact.offerTimer = new OfferTimer(this.clock, this.ringTimeoutMs, () =>
      this.onRingTimeout(contact.id),
    );
    contact.ringDeadline = contact.offerTimer.deadline;
    this.contacts.set(contact.id, contact);
    this.callLog.offered({
      callId: contact.id,
      from: event.from.user,
      displayName: event.from.displayName,
      queue: contact.queue,
      callback: contact.callback,
    });
    if (this.autoAccept.voice) {
      contact.autoAccepted = true;
      this.moveContact(contact, 'accept');
      this.engine.send({ type: 'answer', callId: contact.id, beep: this.autoAccept.beep });
      this.callLog.answered(contact.id, true);
    }
    this.changed();
  }

  private onRingTimeout(contactId: string): void {
    const contact = this.contacts.get(contactId);
    if (!contact || contact.state !== 'incoming') return;
    this.moveContact(contact, 'ringTimeout', { endedBy: 'system', endReason: 'No answer' });
    // 480 lets the server hunt the next agent.
    this.engine.send({ type: 'reject', callId: contactId, status: 480 });
    this.callLog.rejected(contactId, 480, 'ringTimeout');
    this.changed();
  }

  private onContactEvent(callId: string, event: ContactEvent): void {
    const contact = this.contacts.get(callId);
    if (!contact) return;
    this.moveContact(contact, event);
    this.changed();
  }

  private onEnded(event: Extract<EngineEvent, { type: 'ended' }>): void {
    const found = this.findLeg(event.callId);
    this.callLog.ended(event, found?.leg, endCodeOf(event));
    if (!found) {
      this.calls.strayEnded(event.callId);
      return;
    }
    const { contact, leg } = found;
    if (!this.calls.legEnded(contact, leg, event)) {
      this.moveContact(contact, event.failed ? 'failed' : 'remoteEnded', legEndFromEngine(event));
    }
    this.changed();
  }
}

function lowerCase(text: string): string {
  return text.toLowerCase();
}

function sameAccount(a: SignInForm, b: SignInForm): boolean {
  return a.serverUrl === b.serverUrl && a.sipUri === b.sipUri && a.authUser === b.authUser;
}
