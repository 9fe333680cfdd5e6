/**
 * AgentDesk: the one source of truth for the agent's session, status and contacts, and the
 * one decision point.
 *
 * Every input (intents through DeskCommands, engine events, timers) comes in here, is checked
 * against the transition tables, and produces a new DeskState plus commands to the engine.
 * The rules that span parts (may an offer ring, may a call go out, is the line needed) are
 * decided here; each part (session/, status/, contacts/, voice/) keeps the rules inside it.
 * Nothing else in the app decides whether a call may ring, so the UI window, the tray,
 * notifications and the headset all stay consistent by simply following the snapshot.
 */
import {
  OFFLINE,
  type Contact,
  type ContactChannel,
  type DeskState,
  type EngineEvent,
  type IntentResult,
  type Notice,
  type NoticeCode,
  type SignInResult,
  type ValidSignInRequest,
} from '../../common/contract';
import { ContactBook } from './contacts/ContactBook';
import { contactDrafts } from './contacts/contactDraft';
import { ContactIntents } from './contacts/ContactIntents';
import {
  contactOptions,
  profileSettings,
  visibleQuickConnects,
  type AgentDeskOptions,
  type DeskProfileSettings,
  type ProfileSettings,
} from './deskSettings';
import { EnginePage } from './EnginePage';
import { EngineEvents } from './EngineEvents';
import { HistoryRecorder } from './HistoryRecorder';
import { Notices } from './Notices';
import { Session } from './session/Session';
import { AgentStatus } from './status/AgentStatus';
import { DialLinks } from './voice/DialLinks';
import { sipDomainOf } from '../dialing/dialLinkPolicy';
import { forwardedHeaderNames } from './voice/offerHeaders';
import { VoiceCalls } from './voice/VoiceCalls';
import { CallIntents } from './voice/CallIntents';
import { OutboundIntents, type CustomerLookupResult } from './voice/OutboundIntents';
import { microphoneRefusal } from './microphoneRefusal';
import { ChatDesk } from './chat/ChatDesk';
import { chatForwardedHeaderNames } from './chat/chatHeaders';
import { ChatIntents } from './chat/ChatIntents';
import { PresenceDesk } from './presence/PresenceDesk';
import { DeskSurroundings, type SurroundingKey } from './DeskSurroundings';
import { deskPhoneDialTarget } from './voice/deskPhone/deskPhoneDialTarget';

type Listener = (state: DeskState) => void;

const OK: IntentResult = { ok: true };

export class AgentDesk {
  private readonly history: HistoryRecorder;
  private readonly notices = new Notices();
  private readonly session: Session;
  private readonly status: AgentStatus;
  private readonly book: ContactBook;
  private readonly voice: VoiceCalls;
  private readonly dialLinks: DialLinks;
  /** Dial, listen-in and customer lookup (D4, F1, D8). */
  private readonly outbound: OutboundIntents;
  /** Accept, reject, end, clear, details and restore, whatever the channel. */
  readonly contactIntents: ContactIntents;
  /** In-call intents (hold, mute, DTMF, consult, transfer, conference, one leg's end). */
  readonly calls: CallIntents;
  private readonly chat: ChatDesk;
  /** In-chat intents (send a line, typing, read). */
  readonly chats: ChatIntents;
  private readonly enginePage: EnginePage;
  /** Colleagues' presence and the agent's own (D5). */
  private readonly presence: PresenceDesk;
  /** The engine page's reports and its own life (lost, reloaded). */
  private readonly engineEvents: EngineEvents;
  private readonly listeners = new Set<Listener>();
  private settings: ProfileSettings;
  private profileSummary: DeskState['profile'];
  /** Headset, audio devices, desktop preferences, desk phone, update, recordings folder. */
  private readonly surroundings = new DeskSurroundings();
  private revision = 0;

  constructor(private readonly options: AgentDeskOptions) {
    const { engine, clock, logger } = options;
    this.settings = profileSettings(options);
    this.history = new HistoryRecorder(options.history, logger);
    this.status = new AgentStatus(clock, logger, this.history, options.statusMemory);
    this.status.useCustomStatuses(options.customStatuses);
    const notice = this.notices.post.bind(this.notices);
    const changed = () => this.changed();
    this.session = new Session(options, {
      signedIn: () => this.status.restore(),
      lineWanted: () => this.lineWanted(),
      forwardedHeaders: () => [
        ...forwardedHeaderNames(this.settings.sipHeaders),
        ...chatForwardedHeaderNames(this.settings.chatHeaders),
      ],
      notice,
      currentNotice: () => this.notices.current?.code,
      changed,
    });
    this.book = new ContactBook(clock, logger, this.history, {
      acwTimeoutMs: () => this.settings.acwTimeoutMs,
      leftConnected: (contact) => {
        if (contact.channel === 'voice') this.voice.releaseLegs(contact);
      },
      acwExpired: (contact) => this.contactIntents.clearNow(contact),
    });
    this.voice = new VoiceCalls(
      engine,
      clock,
      logger,
      this.book,
      {
        settings: () => this.settings,
        notice,
        changed,
        deskPhone: () =>
          deskPhoneDialTarget(this.surroundings.get('deskPhone'), this.settings.dialingRules),
      },
      options.recordingFiles,
    );
    this.calls = new CallIntents({
      contact: (contactId) => this.book.voice(contactId),
      control: this.voice.control,
      recordings: this.voice.recordings,
      changed,
    });
    this.chat = new ChatDesk(engine, clock, logger, this.book, {
      settings: () => this.settings,
      mayOffer: () => this.isRoutable('chat'),
      changed,
    });
    this.contactIntents = new ContactIntents({
      book: this.book,
      voice: this.voice,
      chat: this.chat,
      clock,
      logger,
      wrapUp: () => this.settings.wrapUp,
      contactCleared: () => this.session.reconcileLine(),
      restoredNotice: () => this.notices.post('warning', 'contactRestored'),
      changed,
    });
    this.chats = new ChatIntents({
      chat: (contactId) => this.book.chat(contactId),
      desk: this.chat,
      changed,
      engineReloading: () => this.enginePage.lost,
    });
    this.enginePage = new EnginePage(engine, logger);
    this.outbound = new OutboundIntents(this.voice, logger, {
      settings: () => this.settings,
      signedIn: () => this.session.signedIn,
      offline: () => this.status.isOffline,
      registered: () => this.session.line.registered,
      engineReloading: () => this.enginePage.lost,
      roomForCall: () => this.book.hasRoomFor('voice', this.settings.capacity),
      contact: (contactId) => this.book.get(contactId),
      changed,
    });
    this.presence = new PresenceDesk(engine);
    this.engineEvents = new EngineEvents({
      enginePage: this.enginePage,
      session: this.session,
      voice: this.voice,
      chat: this.chat,
      presence: this.presence,
      notices: this.notices,
      logger,
      routable: () => this.isRoutable(),
      statusId: () => this.status.id,
      offline: () => this.status.isOffline,
      changed,
    });
    this.dialLinks = new DialLinks({
      dial: (target) => this.dial(target),
      notice,
      policy: () => ({
        autoDialCallto: this.settings.dialLinks.autoDial,
        ownDomain: sipDomainOf(this.session.snapshot().identity?.uri),
        rules: this.settings.dialingRules,
      }),
    });
  }

  /**
   * Puts a new profile's settings in force. Offers already ringing keep their deadline; the
   * chosen status stays even if the new profile dropped it, until the agent picks another.
   */
  applyProfile(settings: DeskProfileSettings, summary?: DeskState['profile']): void {
    this.profileSummary = summary;
    this.settings = profileSettings(settings);
    this.status.useCustomStatuses(settings.customStatuses);
    this.changed();
  }

  // --- Snapshot and the decisions that span parts ---

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): DeskState {
    const today = this.history.today(this.options.clock.now());
    const notice = this.notices.current;
    const quickConnects = visibleQuickConnects(this.settings, this.book.hasConnected());
    const quickConnectPresence = this.presence.snapshot(quickConnects);
    return {
      revision: this.revision,
      session: this.session.snapshot(),
      registration: this.session.line.state,
      agent: this.status.snapshot(this.isRoutable()),
      dialing: { defaultCountry: this.settings.dialingRules.defaultCountry },
      ...(this.dialLinks.draft ? { dialDraft: this.dialLinks.draft } : {}),
      quickConnects,
      ...(quickConnectPresence ? { quickConnectPresence } : {}),
      contacts: this.book.publicContacts(),
      chats: this.book.publicChats(),
      contactOptions: contactOptions(this.settings),
      ...(notice ? { notice } : {}),
      ...(this.profileSummary ? { profile: this.profileSummary } : {}),
      ...this.surroundings.snapshot(),
      ...(today ? { today } : {}),
    };
  }

  /** The contacts as the snapshot has them, for DeskCommands to resolve what an intent means. */
  contacts(): Contact[] {
    return this.book.publicContacts();
  }

  private changed(): void {
    this.enginePage.follow({
      routable: this.isRoutable(),
      signedIn: this.session.signedIn,
      available: this.status.isAvailable,
      calls: this.book.calls().length,
      deskPhone: this.surroundings.get('deskPhone')?.mode === 'deskPhone',
    });
    // Whom the engine watches, and what it publishes for the agent (D5).
    const { quickConnects } = this.settings;
    if (!this.enginePage.lost)
      this.presence.follow(quickConnects, this.session.signedIn, this.status);
    this.revision += 1;
    // Every change reaches the journal; it writes only when a draft or an identity changed.
    this.options.drafts?.record(contactDrafts(this.book.all()));
    const state = this.snapshot();
    for (const listener of this.listeners) listener(state);
  }

  /** An offer would ring now: signed in, Available, the line registered, room for the channel. */
  private isRoutable(channel: ContactChannel = 'voice'): boolean {
    return (
      this.session.signedIn &&
      this.status.isAvailable &&
      this.session.line.registered &&
      this.book.hasRoomFor(channel, this.settings.capacity)
    );
  }

  /** The line is needed by any status but Offline, and by any contact still on the desk. */
  private lineWanted(): boolean {
    return !this.status.isOffline || this.book.size > 0;
  }

  // --- Session and status ---

  /** `servers`: the ones to try in order (the profile's list); the form's one alone by default. */
  signIn(request: ValidSignInRequest, servers = [request.serverUrl]): Promise<SignInResult> {
    return this.session.signIn(request, servers);
  }

  /** The history file has been read whole (HistoryLog.openLoading): today's figures are. */
  historyLoaded(): void {
    this.changed();
  }

  /** The headset in use changed, or a button was pressed on it (the headset hub). */
  setHeadset(headset: DeskState['headset']): void {
    this.surround('headset', headset);
  }

  /** The audio devices changed, or the agent changed their choice (AudioDevices). */
  setAudio(audio: DeskState['audio']): void {
    this.surround('audio', audio);
  }

  /** Where recordings go, and whether the policy fixes it (RecordingsFolder). */
  setRecordingsFolder(recordingsFolder: DeskState['recordingsFolder']): void {
    this.surround('recordingsFolder', recordingsFolder);
  }

  /** The agent's shortcuts, start at login or widget choice changed (DesktopPreferences). */
  setDesktopPreferences(desktop: DeskState['desktop']): void {
    this.surround('desktop', desktop);
  }

  /** Softphone or desk phone changed (DeskPhoneSetting): the next call follows it. */
  setDeskPhone(deskPhone: DeskState['deskPhone']): void {
    this.surround('deskPhone', deskPhone);
  }

  /** A downloaded update, or "IT updates this app", to show (main/updates/AppUpdates). */
  setUpdateOffer(offer: DeskState['update']): void {
    this.surround('update', offer);
  }

  private surround<K extends SurroundingKey>(key: K, value: DeskState[K]): void {
    this.surroundings.set(key, value);
    this.changed();
  }

  /** A notice from outside the desk's own decisions (the composition at start). */
  notify(level: Notice['level'], code: NoticeCode, values?: Notice['values']): void {
    this.notices.post(level, code, values);
    this.changed();
  }

  signOut(): IntentResult {
    if (this.book.hasActive()) return { ok: false, reason: 'contactActive' };
    if (this.session.phase === 'signedOut') return { ok: false, reason: 'notSignedIn' };
    // The guides insist on Offline first, so reporting sees the agent leave routing.
    this.status.set(OFFLINE);
    // The presence is withdrawn while the connection is still there to carry it (D5).
    this.presence.sync(this.settings.quickConnects, null);
    this.session.signOut();
    // Contacts still in wrap-up are cleared by signing out: they still count in the history.
    this.book.removeAll();
    this.notices.clear();
    this.changed();
    return OK;
  }

  /** The saved password is forgotten; the next sign-in asks for it (A2). */
  forgetPassword(): IntentResult {
    this.session.forgetPassword();
    this.changed();
    return OK;
  }

  setStatus(statusId: string): IntentResult {
    if (!this.session.signedIn) return { ok: false, reason: 'notSignedIn' };
    const microphone = microphoneRefusal(statusId, this.surroundings.get('audio'));
    if (microphone) return { ok: false, reason: microphone };
    const before = this.status.id;
    const result = this.status.choose(statusId);
    if (!result.ok || this.status.id === before) return result;
    this.session.reconcileLine();
    this.changed();
    return result;
  }

  // --- Dialing (D4) ---

  dial(input: string): IntentResult {
    return this.outbound.dial(input);
  }

  /** The customer lookup for a contact's number (D8): the URL, and where the profile opens it. */
  customerLookup(contactId: string): CustomerLookupResult {
    return this.outbound.customerLookup(contactId);
  }

  /** Listens in on an agent's call (F1), when the profile allows this user to. */
  monitor(target: string): IntentResult {
    return this.outbound.monitor(target);
  }

  /** The machine woke from sleep or the screen was unlocked: the line may be stale. */
  systemResumed(): void {
    this.session.networkBack('resumed');
  }

  /** A tel:, sip: or callto: link from the OS (D4); the URL is untrusted. */
  openDialLink(url: string): IntentResult {
    const result = this.dialLinks.open(url);
    this.changed();
    return result;
  }

  // --- Engine events ---

  handleEngineEvent(event: EngineEvent): void {
    this.engineEvents.handle(event);
  }

  /** The engine page stopped answering, crashed or closed (EngineSupervisor, the shell). */
  engineLost(reason: string): void {
    this.engineEvents.lost(reason);
  }
}
