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
  type Contact,
  type ContactState,
  type DeskState,
  type EngineAccount,
  type EngineEvent,
  type IntentResult,
  type Notice,
  type QuickConnect,
  type RegistrationState,
  type SessionPhase,
  type SignInError,
  type SignInResult,
  type ValidSignInRequest,
} from '../../preload/contract';
import { parseDialLink } from '../dialing/dialLink';
import { DialingRulesConfig, planDial } from '../dialing/DialingRules';
import type { ContactHistory } from '../history/DeskHistory';
import type { HistoryRecord } from '../history/HistoryRecord';
import { contactOutcome } from './contactOutcome';
import { BUILT_IN_STATUSES, DEFAULT_CUSTOM_STATUSES } from './defaultStatuses';
import { isActiveContactState, nextContactState, type ContactEvent } from './contactMachine';
import { OfferTimer } from './OfferTimer';
import type { Clock, EnginePort, TimerHandle } from './ports';
import { nextSessionPhase, type SessionEvent } from './sessionMachine';
import { signInErrorFromRegistration, signInErrorFromTransport } from './signInErrors';

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

export interface DeskLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
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
}

type Listener = (state: DeskState) => void;

interface DeskContact extends Contact {
  offerTimer?: OfferTimer;
  acwTimer?: TimerHandle;
}

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
    this.useProfileSettings(options);
    this.statusMemory = options.statusMemory;
    this.history = options.history;
    this.signInTimeoutMs = options.signInTimeoutMs ?? DEFAULT_SIGN_IN_TIMEOUT_MS;
    this.iceServers = options.iceServers ?? [];
    this.statusSince = this.clock.now();
    this.remembered = this.memory.load();
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
      contacts: [...this.contacts.values()].map(
        ({ offerTimer: _offer, acwTimer: _acw, ...contact }) => contact,
      ),
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
    const now = this.clock.now();
    const endedAt = contact.endedAt ?? now;
    this.record({
      type: 'contact',
      at: contact.createdAt,
      contactId: contact.id,
      channel: 'voice',
      direction: contact.direction,
      peer: contact.peer,
      outcome: contactOutcome(from, event, contact.connectedAt !== undefined),
      ...(contact.direction === 'inbound' ? { offeredAt: contact.createdAt } : {}),
      ...(contact.connectedAt !== undefined
        ? { connectedAt: contact.connectedAt, handleMs: endedAt - contact.connectedAt }
        : {}),
      endedAt,
      ...(from === 'acw' ? { acwEndedAt: now, acwMs: now - endedAt } : {}),
      ...(contact.endReason ? { endReason: contact.endReason } : {}),
    });
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
    this.changed();
    return { ok: true };
  }

  reject(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    this.moveContact(contact, 'reject');
    // 486 rather than 603: a queue treats "busy here" as "try the next agent".
    this.engine.send({ type: 'reject', callId: contactId, status: 486 });
    this.changed();
    return { ok: true };
  }

  end(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    this.moveContact(contact, 'end', { endedBy: 'agent', endReason: 'Agent ended' });
    this.engine.send({ type: 'hangup', callId: contactId });
    this.changed();
    return { ok: true };
  }

  clear(contactId: string): IntentResult {
    const contact = this.contacts.get(contactId);
    if (!contact) return { ok: false, reason: 'contactNotFound' };
    this.moveContact(contact, 'clear');
    this.reconcileRegistration();
    this.changed();
    return { ok: true };
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
    };
    this.contacts.set(contact.id, contact);
    this.engine.send({ type: 'call', callId: contact.id, target });
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
    details: Pick<Contact, 'endReason' | 'endedBy'> = {},
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
    if (target === 'acw' || target === 'missed' || target === 'failed') {
      contact.endedAt = now;
      contact.endReason ??= details.endReason;
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
      this.clear(contact.id);
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
        return this.onContactEvent(event.callId, 'confirmed');
      case 'ended':
        return this.onEnded(event);
      case 'command-error':
        this.logger.warn('engine refused a command', { ...event });
        return;
    }
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
      createdAt: now,
      stateSince: now,
    };
    contact.offerTimer = new OfferTimer(this.clock, this.ringTimeoutMs, () =>
      this.onRingTimeout(contact.id),
    );
    contact.ringDeadline = contact.offerTimer.deadline;
    this.contacts.set(contact.id, contact);
    if (this.autoAccept.voice) {
      contact.autoAccepted = true;
      this.moveContact(contact, 'accept');
      this.engine.send({ type: 'answer', callId: contact.id, beep: this.autoAccept.beep });
    }
    this.changed();
  }

  private onRingTimeout(contactId: string): void {
    const contact = this.contacts.get(contactId);
    if (!contact || contact.state !== 'incoming') return;
    this.moveContact(contact, 'ringTimeout', { endedBy: 'system', endReason: 'No answer' });
    // 480 lets the server hunt the next agent.
    this.engine.send({ type: 'reject', callId: contactId, status: 480 });
    this.changed();
  }

  private onContactEvent(callId: string, event: ContactEvent): void {
    const contact = this.contacts.get(callId);
    if (!contact) return;
    this.moveContact(contact, event);
    this.changed();
  }

  private onEnded(event: Extract<EngineEvent, { type: 'ended' }>): void {
    const contact = this.contacts.get(event.callId);
    if (!contact) return;
    const reason = event.statusCode ? `${event.statusCode} ${event.cause}` : event.cause;
    const endedBy =
      event.originator === 'remote'
        ? 'customer'
        : event.originator === 'local'
          ? 'agent'
          : 'system';
    this.moveContact(contact, event.failed ? 'failed' : 'remoteEnded', {
      endReason: reason,
      endedBy,
    });
    this.changed();
  }
}

function sameAccount(a: SignInForm, b: SignInForm): boolean {
  return a.serverUrl === b.serverUrl && a.sipUri === b.sipUri && a.authUser === b.authUser;
}
