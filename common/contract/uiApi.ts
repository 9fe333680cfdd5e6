/**
 * The UI renderer's side of the contract: every intent it may invoke (channel, request and
 * response schemas), the state push channel, and the API its preload exposes (window.ccp).
 */
import { z } from 'zod';
import { Id } from './primitives';
import { AudioRole, Ringtone, UiLanguage } from './audioDevices';
import { ShortcutRequest, SwitchRequest, type ShortcutAction } from './desktopPreferences';
import { DeskPhoneRequest } from './deskPhone';
import { SignInError, SignInRequest } from './signIn';
import { ContactDetails, MAX_CHAT_TEXT } from './contact';
import { DeskState } from './deskState';
import { RecentContactsRequest, RecentContactsResult } from './recentContacts';
import { MicrophoneMeterRequest } from './microphoneLevel';
import { ChatAttachment } from './chatAttachment';

export const DialRequest = z.object({
  target: z.string().trim().min(1, 'dial.empty').max(128),
});

export const ContactRef = z.object({ contactId: Id });

/** A provisioning profile to load: an https URL or a file path. */
export const ProfileRequest = z.object({
  location: z.string().trim().min(1, 'profile.required').max(2048),
});

/** Result of loading a profile: refused whole with the JSON path and reason of the first error. */
export const ProfileResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), path: z.string().max(512), reason: z.string().max(1024) }),
]);
export type ProfileResult = z.infer<typeof ProfileResult>;

export const StatusRequest = z.object({ statusId: Id });

/** End a contact; `voicemail` records that the agent left one on a callback nobody answered. */
export const EndRequest = z.object({ contactId: Id, voicemail: z.boolean().optional() });

/** Which leg an in-call intent is for; `all` is Hold all. */
export const LegSelector = z.enum(['customer', 'thirdParty', 'all']);
export type LegSelector = z.infer<typeof LegSelector>;

export const HoldRequest = z.object({ contactId: Id, leg: LegSelector, hold: z.boolean() });
export const MuteRequest = z.object({ contactId: Id, muted: z.boolean() });
/** RFC 4733 events: digits, * # and A-D. */
export const DtmfRequest = z.object({
  contactId: Id,
  digits: z.string().regex(/^[0-9*#A-Da-d]{1,32}$/, 'dtmf.invalid'),
});

/** A transfer or consult target: a typed number (dialing rules apply) or a quick connect. */
export const TransferTarget = z.discriminatedUnion('via', [
  z.object({ via: z.literal('number'), number: z.string().trim().min(1, 'dial.empty').max(128) }),
  z.object({ via: z.literal('quickConnect'), quickConnectId: Id }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

export const TransferRequest = z.object({ contactId: Id, to: TransferTarget });
export const EndLegRequest = z.object({ contactId: Id, leg: z.enum(['customer', 'thirdParty']) });
/** Start (`on`) or stop the agent's recording of a call (D9). */
export const RecordRequest = z.object({ contactId: Id, on: z.boolean() });
/** Listen in on an agent's call (F1): the agent's extension or SIP address. */
export const MonitorRequest = z.object({ target: z.string().trim().min(1).max(256) });
/** A chat line the agent sends (E2): the markdown subset as typed. */
export const ChatSendRequest = z.object({
  contactId: Id,
  text: z.string().trim().min(1).max(MAX_CHAT_TEXT),
});
/** A file the agent sends in a chat (E2), checked against the profile's limits in main. */
export const ChatAttachRequest = z.object({ contactId: Id, attachment: ChatAttachment });
export const ChatTypingRequest = z.object({ contactId: Id, active: z.boolean() });
/** A link in a chat line the agent clicked: main opens it in the browser if http(s). */
export const LinkRequest = z.object({ url: z.string().max(2048) });
export const DetailsRequest = z.object({ contactId: Id, details: ContactDetails });

/** Result of a sign-in intent: the UI shows the error next to the field it names. */
export const SignInResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: SignInError }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

/** Result of a history export: where the CSV file was written. */
export const ExportResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), file: z.string() }),
  z.object({ ok: z.literal(false), reason: z.string().max(256) }),
]);
export type ExportResult = z.infer<typeof ExportResult>;

/** Why the dialing rules refuse a number, as a call or as a transfer target (D4). */
export const DialRefusalReason = z.enum([
  /** Nothing to dial: blank, or only separators. */
  'empty',
  /** Not a phone number, extension or SIP address (letters in a number, "++1", 40 digits). */
  'invalid',
  /** An emergency number: OpenCCP cannot pass on a location, the agent must use another phone. */
  'emergency',
  /** On the profile's blocked list. */
  'blocked',
  /** A valid number in a country outside the profile's allowed countries. */
  'countryNotAllowed',
  /** A premium-rate number (the caller pays the number's owner), not allowed by the profile. */
  'premiumRate',
  /** A shared-cost number (the caller pays part of the call), not allowed by the profile. */
  'sharedCost',
  /** A SIP address from a link (not typed) outside the agent's own SIP domain. */
  'offDomainLink',
]);
export type DialRefusalReason = z.infer<typeof DialRefusalReason>;

/**
 * Why AgentDesk refused an intent. A code, never a sentence: the UI words each one in the
 * agent's language, and a code added here without words there is a type error.
 */
export const RefusalReason = z.enum([
  ...DialRefusalReason.options,
  // Session and status
  'notSignedIn',
  'unknownStatus',
  /** A contact still needs the agent (sign-out, dial). */
  'contactActive',
  'offlineCannotDial',
  'notRegistered',
  /** The engine page crashed or hung and is being loaded again: nothing can reach SIP yet. */
  'engineReloading',
  // Contacts
  'contactNotFound',
  /** An intent that names no contact found none to act on: no offer ringing (answer, reject). */
  'noOffer',
  /** ...or no call in progress (hang up, toggle mute, toggle hold). */
  'noActiveCall',
  /** Notes and wrap-up only while on the call or in ACW. */
  'notEditable',
  'wrapUpRequired',
  'unknownWrapUpCode',
  // In-call control
  'notConnected',
  /** A chat file over the profile's size limit or of a type it does not allow. */
  'attachmentNotAllowed',
  /** Nobody left on the line for hold or DTMF. */
  'noLiveLeg',
  'customerLeft',
  'noThirdParty',
  'thirdPartyNotConnected',
  'thirdPartyActive',
  'transferPending',
  /** The profile switched transfer or conference off. */
  'notPermitted',
  'unknownQuickConnect',
  'alreadyJoined',
  'notSwappable',
  // Audio devices (B1, B4)
  /** Available needs a microphone and the OS lists none. */
  'noMicrophone',
  /** Available needs a microphone and the OS refuses the app access to it. */
  'microphoneDenied',
  /** The machine policy fixes this setting. */
  'settingLocked',
  /** The device is not (or no longer) plugged in. */
  'unknownDevice',
  // Chat
  /** A link that is not http or https (javascript:, file:, ...): never opened. */
  'linkNotAllowed',
  // Customer lookup (D8)
  /** The profile has no customer lookup. */
  'lookupNotConfigured',
  /** The lookup needs the caller's number in E.164 and the caller id is no phone number. */
  'lookupNoNumber',
  // Recording (D9)
  /** A recording of this call is already running. */
  'recordingActive',
  /** Stop recording: no recording is running. */
  'notRecording',
  // Updates (G5)
  /** Restart to update: no update is downloaded (or IT updates this install). */
  'noUpdateReady',
  /** The recordings folder is not a full path (C:\\Recordings, /home/agent/Recordings). */
  'folderNotAbsolute',
  /** The recordings folder does not exist or this user cannot write to it. */
  'folderNotWritable',
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

/** Result of an intent AgentDesk can refuse (e.g. dial while on a call). */
export const IntentResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: RefusalReason }),
]);
export type IntentResult = z.infer<typeof IntentResult>;

const Empty = z.object({}).strict();

/** The device for a role by its deviceId from DeskState.audio; '' is the system default. */
export const AudioDeviceRequest = z.object({ role: AudioRole, deviceId: z.string().max(256) });
export const RingRequest = z.object({
  ringtone: Ringtone.optional(),
  ringVolume: z.number().min(0).max(1).optional(),
});
export const LanguageRequest = z.object({ language: UiLanguage });
/** A diagnostics export (G6); the contact history only when the agent ticks it. */
export const DiagnosticsRequest = z.object({ includeHistory: z.boolean() });
/** The folder call recordings are written to (D9); checked in main. */
export const RecordingsFolderRequest = z.object({ folder: z.string().min(1).max(4096) });
export const TestSoundRequest = z.object({ role: z.enum(['speaker', 'ringer']) });

/**
 * Invoke channels from the UI renderer. `request` validates what the renderer sent;
 * `response` documents what main returns.
 */
export const uiInvokeChannels = {
  'ui:get-state': { request: Empty, response: DeskState },
  'ui:sign-in': { request: SignInRequest, response: SignInResult },
  'ui:sign-out': { request: Empty, response: IntentResult },
  'ui:forget-password': { request: Empty, response: IntentResult },
  'ui:set-status': { request: StatusRequest, response: IntentResult },
  'ui:accept': { request: ContactRef, response: IntentResult },
  'ui:reject': { request: ContactRef, response: IntentResult },
  'ui:end': { request: EndRequest, response: IntentResult },
  'ui:hold': { request: HoldRequest, response: IntentResult },
  'ui:mute': { request: MuteRequest, response: IntentResult },
  'ui:dtmf': { request: DtmfRequest, response: IntentResult },
  /** Customer on hold, a second leg dials the target (D6). */
  'ui:consult': { request: TransferRequest, response: IntentResult },
  /** Blind transfer: REFER the customer to the target, the agent's leg ends on success. */
  'ui:transfer': { request: TransferRequest, response: IntentResult },
  'ui:join': { request: ContactRef, response: IntentResult },
  'ui:swap': { request: ContactRef, response: IntentResult },
  /** The agent drops out, customer and third party stay connected (REFER with Replaces). */
  'ui:leave': { request: ContactRef, response: IntentResult },
  'ui:end-leg': { request: EndLegRequest, response: IntentResult },
  'ui:save-details': { request: DetailsRequest, response: IntentResult },
  'ui:clear': { request: ContactRef, response: IntentResult },
  'ui:dial': { request: DialRequest, response: IntentResult },
  'ui:export-history': { request: Empty, response: ExportResult },
  /** The recent contacts list (D4), searched in main. */
  'ui:recent-contacts': { request: RecentContactsRequest, response: RecentContactsResult },
  /** Writes the diagnostics folder for IT; `file` is the folder. */
  'ui:export-diagnostics': { request: DiagnosticsRequest, response: ExportResult },
  'ui:chat-send': { request: ChatSendRequest, response: IntentResult },
  'ui:chat-attach': { request: ChatAttachRequest, response: IntentResult },
  'ui:chat-typing': { request: ChatTypingRequest, response: IntentResult },
  'ui:chat-read': { request: ContactRef, response: IntentResult },
  'ui:open-link': { request: LinkRequest, response: IntentResult },
  /** Opens the profile's customer lookup for the contact's number (D8). */
  'ui:customer-lookup': { request: ContactRef, response: IntentResult },
  'ui:load-profile': { request: ProfileRequest, response: ProfileResult },
  'ui:choose-audio-device': { request: AudioDeviceRequest, response: IntentResult },
  'ui:set-ring': { request: RingRequest, response: IntentResult },
  'ui:set-language': { request: LanguageRequest, response: IntentResult },
  'ui:test-sound': { request: TestSoundRequest, response: IntentResult },
  /** The settings screen's microphone meter on or off (levels on MICROPHONE_LEVEL_CHANNEL). */
  'ui:microphone-meter': { request: MicrophoneMeterRequest, response: IntentResult },
  'ui:set-shortcut': { request: ShortcutRequest, response: IntentResult },
  'ui:set-start-at-login': { request: SwitchRequest, response: IntentResult },
  'ui:set-widget-on-top': { request: SwitchRequest, response: IntentResult },
  'ui:set-desk-phone': { request: DeskPhoneRequest, response: IntentResult },
  'ui:record': { request: RecordRequest, response: IntentResult },
  'ui:set-recordings-folder': { request: RecordingsFolderRequest, response: IntentResult },
  'ui:monitor': { request: MonitorRequest, response: IntentResult },
  /** The agent's "Restart to update": the app restarts once no contact is open (G5). */
  'ui:restart-to-update': { request: Empty, response: IntentResult },
} as const;
export type UiInvokeChannel = keyof typeof uiInvokeChannels;
export type UiRequest<C extends UiInvokeChannel> = z.input<(typeof uiInvokeChannels)[C]['request']>;
export type UiResponse<C extends UiInvokeChannel> = z.output<
  (typeof uiInvokeChannels)[C]['response']
>;

/** Main -> UI push: the whole DeskState after every change. */
export const UI_STATE_CHANNEL = 'ui:state';

// ---------------------------------------------------------------------------------------------
// The APIs the preload scripts expose (window.ccp for the UI, window.openccpEngine for the engine)
// ---------------------------------------------------------------------------------------------

export interface CcpApi {
  state: {
    get(): Promise<DeskState>;
    /** Calls back with every new DeskState; returns an unsubscribe function. */
    subscribe(listener: (state: DeskState) => void): () => void;
  };
  session: {
    signIn(request: SignInRequest): Promise<SignInResult>;
    signOut(): Promise<IntentResult>;
    forgetPassword(): Promise<IntentResult>;
  };
  status: { set(statusId: string): Promise<IntentResult> };
  contacts: {
    accept(contactId: string): Promise<IntentResult>;
    reject(contactId: string): Promise<IntentResult>;
    end(contactId: string, options?: { voicemail?: boolean }): Promise<IntentResult>;
    clear(contactId: string): Promise<IntentResult>;
    hold(contactId: string, leg: LegSelector, hold: boolean): Promise<IntentResult>;
    mute(contactId: string, muted: boolean): Promise<IntentResult>;
    sendDtmf(contactId: string, digits: string): Promise<IntentResult>;
    consult(contactId: string, to: TransferTarget): Promise<IntentResult>;
    transfer(contactId: string, to: TransferTarget): Promise<IntentResult>;
    join(contactId: string): Promise<IntentResult>;
    swap(contactId: string): Promise<IntentResult>;
    leave(contactId: string): Promise<IntentResult>;
    endLeg(contactId: string, leg: 'customer' | 'thirdParty'): Promise<IntentResult>;
    saveDetails(contactId: string, details: ContactDetails): Promise<IntentResult>;
    customerLookup(contactId: string): Promise<IntentResult>;
  };
  calls: { dial(target: string): Promise<IntentResult> };
  chats: {
    send(contactId: string, text: string): Promise<IntentResult>;
    attach(contactId: string, attachment: ChatAttachment): Promise<IntentResult>;
    typing(contactId: string, active: boolean): Promise<IntentResult>;
    read(contactId: string): Promise<IntentResult>;
    openLink(url: string): Promise<IntentResult>;
  };
  history: {
    exportCsv(): Promise<ExportResult>;
    recent(request: RecentContactsRequest): Promise<RecentContactsResult>;
  };
  diagnostics: { export(includeHistory: boolean): Promise<ExportResult> };
  profile: { load(location: string): Promise<ProfileResult> };
  settings: {
    chooseAudioDevice(role: AudioRole, deviceId: string): Promise<IntentResult>;
    setRing(ring: z.input<typeof RingRequest>): Promise<IntentResult>;
    setLanguage(language: UiLanguage): Promise<IntentResult>;
    testSound(role: 'speaker' | 'ringer'): Promise<IntentResult>;
    /**
     * Turns the microphone meter on and calls back with each level (0..1) until the returned
     * function is called, which turns it off.
     */
    watchMicrophoneLevel(listener: (level: number) => void): () => void;
    /** Where call recordings are written from now on (D9). */
    setRecordingsFolder(folder: string): Promise<IntentResult>;
  };
  desktop: {
    setShortcut(action: ShortcutAction, accelerator: string): Promise<IntentResult>;
    setStartAtLogin(enabled: boolean): Promise<IntentResult>;
    setWidgetAlwaysOnTop(enabled: boolean): Promise<IntentResult>;
  };
  /** Softphone or desk phone (B3). */
  deskPhone: { set(request: DeskPhoneRequest): Promise<IntentResult> };
  /** The agent's own recording of a call (D9). */
  recording: { set(contactId: string, on: boolean): Promise<IntentResult> };
  /** Listen in on an agent's call (F1). */
  monitoring: { start(target: string): Promise<IntentResult> };
  /** The app's own updates (G5): consent to restart into the downloaded one. */
  updates: { restart(): Promise<IntentResult> };
}

export const UI_GLOBAL = 'ccp';
