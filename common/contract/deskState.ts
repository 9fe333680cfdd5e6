/**
 * The desk's state as every window and output sees it (DeskState): statuses, contacts, the
 * session and notices. Main sends the whole snapshot after every change.
 */
import { AudioState } from './audioDevices';
import { DesktopPreferencesState } from './desktopPreferences';
import { DeskPhoneState } from './deskPhone';
import { z } from 'zod';
import { Id, RemoteText } from './primitives';
import { ContactEndCode } from './contactEndCode';
import { SignInError } from './signIn';
import { QuickConnect } from './quickConnect';
import { PresenceState } from './presence';
import { DisplayText } from './displayText';
import { RegistrationState, SessionPhase } from './lineState';
import { ContactRecording } from './recording';
import { UpdateOffer } from './updates';
import { ChatAttachment, ChatAttachmentLimits } from './chatAttachment';

export const AVAILABLE = 'available';
export const OFFLINE = 'offline';

/** A label per UI language, from the profile; the plain `label` stands in where one is missing. */
export const LocalizedLabels = z.object({
  en: z.string().min(1).max(64).optional(),
  'zh-CN': z.string().min(1).max(64).optional(),
  ja: z.string().min(1).max(64).optional(),
  it: z.string().min(1).max(64).optional(),
});
export type LocalizedLabels = z.infer<typeof LocalizedLabels>;

/** The custom statuses the app offers until a profile names its own; the UI translates them. */
export const PresetStatus = z.enum(['break', 'lunch', 'training']);
export type PresetStatus = z.infer<typeof PresetStatus>;

export const AgentStatusDefinition = z.object({
  id: Id,
  /** Display name; built-in statuses are translated by id in the UI instead. */
  label: z.string().min(1).max(64),
  kind: z.enum(['available', 'offline', 'custom']),
  /** A profile's own translations of `label`. */
  labels: LocalizedLabels.optional(),
  /** Set on the app's default statuses (Break, Lunch, Training): worded in the UI's language. */
  preset: PresetStatus.optional(),
});
export type AgentStatusDefinition = z.infer<typeof AgentStatusDefinition>;

export const ContactState = z.enum([
  /** An offer is ringing; the agent may accept or reject until the ring deadline. */
  'incoming',
  /** Accept was sent; waiting for the media and the ACK. */
  'accepting',
  /** An outbound call is ringing at the far end. */
  'dialing',
  'connected',
  /** After contact work: the call ended, the agent wraps up until Clear Contact. */
  'acw',
  /** The offer rang out; the agent receives nothing until they clear it. */
  'missed',
  /** An outbound call never connected; shown with its reason until cleared. */
  'failed',
]);
export type ContactState = z.infer<typeof ContactState>;

export const ContactDirection = z.enum(['inbound', 'outbound']);
export type ContactDirection = z.infer<typeof ContactDirection>;

/**
 * The agent's hold on one call leg. `holding` and `resuming` mean the re-INVITE is under way
 * (a 491 glare retry may keep it there for up to four seconds); the UI shows them as pending.
 */
export const HoldState = z.enum(['none', 'holding', 'held', 'resuming']);
export type HoldState = z.infer<typeof HoldState>;

/** Audio quality of one leg from WebRTC stats (D3), with an E-model MOS estimate. */
export const CallQuality = z.object({
  /** Mean opinion score estimate, 1 (bad) to 4.5 (best a narrowband-equivalent call reaches). */
  mos: z.number().min(1).max(5),
  rating: z.enum(['good', 'fair', 'poor']),
  /** Packets lost in the last interval, percent, worst of the two directions. */
  lossPct: z.number().min(0).max(100),
  jitterMs: z.number().nonnegative(),
  rttMs: z.number().nonnegative().optional(),
});
export type CallQuality = z.infer<typeof CallQuality>;

/** A party's number and the name their side sent (untrusted). */
export const Peer = z.object({ number: RemoteText, displayName: RemoteText });
export type Peer = z.infer<typeof Peer>;

/**
 * The second leg of a transfer or conference (D6): the agent dialled it from a call. It leaves
 * the contact when it ends; the customer leg stays as it was (on hold, unless joined).
 */
export const ThirdParty = z.object({
  callId: Id,
  peer: Peer,
  /** The quick connect's name when one was picked, so the agent sees "Billing", not a URI. */
  label: z.string().max(64).optional(),
  state: z.enum(['dialing', 'connected']),
  hold: HoldState,
  connectedAt: z.number().optional(),
  quality: CallQuality.optional(),
});
export type ThirdParty = z.infer<typeof ThirdParty>;

/** A transfer the agent started (D6): blind (REFER) or attended (Leave: REFER with Replaces). */
export const TransferProgress = z.object({
  kind: z.enum(['blind', 'attended']),
  state: z.enum(['pending', 'failed']),
  /** Who the customer is being transferred to, as shown to the agent. */
  target: RemoteText,
  /** Why it failed, in SIP terms ("486 Busy Here"). */
  reason: RemoteText.optional(),
});
export type TransferProgress = z.infer<typeof TransferProgress>;

/** What the agent records about a contact (D8); kept in the history when the contact clears. */
export const MAX_NOTES_LENGTH = 10_000;
export const ContactDetails = z.object({
  notes: z.string().max(MAX_NOTES_LENGTH).default(''),
  /** The id of one of the profile's wrap-up codes. */
  wrapUpCode: Id.optional(),
  followUp: z
    .object({ note: z.string().max(MAX_NOTES_LENGTH), dueAt: z.number().int().min(0) })
    .optional(),
});
export type ContactDetails = z.infer<typeof ContactDetails>;

/**
 * The channels a contact can come through. Chat arrives with its own issue; the capacity model
 * already counts its slots, and the contact union gains its member then.
 */
export const ContactChannel = z.enum(['voice', 'chat']);
export type ContactChannel = z.infer<typeof ContactChannel>;

/** What every contact has, whatever its channel. */
const ContactBase = z.object({
  id: Id,
  direction: ContactDirection,
  state: ContactState,
  /** The customer: number (or SIP user) and the display name their side sent, untrusted. */
  peer: Peer,
  /** Queue name from the offer's whisper header (profile `sipHeaders.queueName`). */
  queue: RemoteText.optional(),
  createdAt: z.number(),
  /** When the current state began: drives the timers shown next to the contact. */
  stateSince: z.number(),
  connectedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** Ring deadline of an incoming offer (epoch ms). */
  ringDeadline: z.number().optional(),
  /** When after contact work clears by itself (profile ACW timeout), epoch ms. */
  acwDeadline: z.number().optional(),
  /** Connected without a click because the profile auto-accepts this channel. */
  autoAccepted: z.boolean().optional(),
  /** Why the contact ended, as a code the UI words for the agent. */
  endCode: ContactEndCode.optional(),
  /** The technical text of the end, in SIP terms ("486 Busy", "Bad Media Description (…)"). */
  endReason: RemoteText.optional(),
  endedBy: z.enum(['agent', 'customer', 'system']).optional(),
  details: ContactDetails,
});

/** A phone call: the customer's leg, and the third party's during a consult or conference. */
export const VoiceContact = ContactBase.extend({
  channel: z.literal('voice'),
  /** A queued callback (profile `sipHeaders.callback`): the banner says "Callback incoming". */
  callback: z.boolean().optional(),
  /** The agent's hold on the customer leg. */
  hold: HoldState,
  /** The customer's side put the call on hold (their re-INVITE). */
  remoteHold: z.boolean().optional(),
  /** The agent's microphone is muted on every leg of this contact. */
  muted: z.boolean(),
  /** The customer hung up while the third party stayed on the line with the agent. */
  customerLeft: z.boolean().optional(),
  thirdParty: ThirdParty.optional(),
  /** Joined: every live leg hears the others, mixed in the engine (D6). */
  conference: z.boolean().optional(),
  transfer: TransferProgress.optional(),
  /** Set when the contact ended because the customer was transferred (shown in ACW). */
  transferredTo: RemoteText.optional(),
  /** The agent ended a callback after leaving a voicemail (D7). */
  voicemail: z.boolean().optional(),
  quality: CallQuality.optional(),
  /** DTMF digits sent on this contact so far (last 64), shown under the number pad. */
  dtmfSent: z.string().max(64).optional(),
  /** The agent's recording of the call (D9): the indicator, and the file once written. */
  recording: ContactRecording.optional(),
  /** The agent (a supervisor) listens in on this call (F1): listen-only, no hold or transfer. */
  monitoring: z.boolean().optional(),
  /** Desk phone mode (B3): the agent talks on the desk phone, the engine bridges the legs. */
  deskPhone: z.boolean().optional(),
});
export type VoiceContact = z.infer<typeof VoiceContact>;

/** Who wrote a line of a chat transcript (the profile's role header, E2). */
export const ChatRole = z.enum(['customer', 'bot', 'otherAgent', 'agent']);
export type ChatRole = z.infer<typeof ChatRole>;

/** A chat line is cut at this length: a hostile sender cannot flood the desk. */
export const MAX_CHAT_TEXT = 4000;
/** The oldest lines of a longer transcript are dropped from the snapshot (never from history). */
export const MAX_TRANSCRIPT_LINES = 1000;

/** One line of a chat transcript. */
export const ChatLine = z.object({
  id: Id,
  role: ChatRole,
  /** Markdown subset as written (untrusted when not the agent's): rendered sanitised. */
  text: z.string().max(MAX_CHAT_TEXT),
  at: z.number(),
  /** Written before this agent accepted: to a bot or another agent. */
  beforeAccept: z.boolean().optional(),
  /** The agent's lines: on the way, answered 2xx by the far end, or refused. */
  delivery: z.enum(['sending', 'delivered', 'failed']).optional(),
  /** A file sent or received as this line (E2); `text` then names it for history and CSV. */
  attachment: ChatAttachment.optional(),
});
export type ChatLine = z.infer<typeof ChatLine>;

/** A chat or SMS conversation over SIP MESSAGE (E1-E3). */
export const ChatContact = ContactBase.extend({
  channel: z.literal('chat'),
  /** The conversation: the profile's conversation header, or the remote party's address. */
  conversationId: RemoteText,
  transcript: z.array(ChatLine).max(MAX_TRANSCRIPT_LINES),
  /** Lines received since the agent last looked at this tab. */
  unread: z.number().int().nonnegative(),
  /** When the speaker last changed: the "since last message" timer starts here. */
  turnSince: z.number().optional(),
  /** The customer is typing (RFC 3994 isComposing). */
  customerTyping: z.boolean().optional(),
});
export type ChatContact = z.infer<typeof ChatContact>;

/**
 * A contact of any channel, told apart by `channel`. Chats travel in their own list
 * (`DeskState.chats`) so the voice views keep their plain VoiceContact.
 */
export const Contact = z.discriminatedUnion('channel', [VoiceContact]);
export type Contact = z.infer<typeof Contact>;

/** A wrap-up code from the profile (D8). */
export const WrapUpCode = z.object({
  id: Id,
  label: z.string().min(1).max(64),
  /** A profile's own translations of `label`. */
  labels: LocalizedLabels.optional(),
});
export type WrapUpCode = z.infer<typeof WrapUpCode>;

/** What a notice is about; the UI words each one in the agent's language. */
export const NoticeCode = z.enum([
  /** The settings file was damaged and repaired at start; `file`: where the original is kept. */
  'settingsRepaired',
  /** The contact history file was damaged (a line cut mid-write, unreadable lines): repaired. */
  'historyRepaired',
  // The line
  'connectionLost',
  'reconnected',
  /** `cause`: the SIP status and reason of the refused REGISTER. */
  'registrationFailed',
  /** The phone engine stopped answering, crashed or closed; it is being restarted. */
  'engineStopped',
  'engineRestarted',
  /** The app closed with a contact open: it is back in ACW with the agent's notes as typed. */
  'contactRestored',
  // Dial links from the OS
  'dialLinkInvalid',
  /** `reason`: the RefusalReason the dial got. */
  'dialLinkRefused',
  // A call's legs
  /** `cause`: the SIP status and reason of the failed re-INVITE. */
  'holdFailed',
  /** `name`: the third party as the agent knows them. */
  'thirdPartyLeft',
  /** `reason`: the SIP text of the third party's call. */
  'consultFailed',
  'customerLeft',
  /** `reason`: the SIP text of the failed REFER. */
  'transferFailed',
  'referRefused',
  /** An INVITE with Replaces tried to take over one of the agent's calls; it was refused. */
  'replacesRefused',
  // Sign-in
  /** The OS has no protected password store (Linux without a keyring): not saved. */
  'passwordNotRemembered',
  // The headset
  /** The headset in use was unplugged during a call; the call goes on. `name`: the headset. */
  'headsetUnplugged',
  /** The headset kept its microphone muted after an unmute (a mute lock): the call is muted. */
  'headsetMuteLocked',
  // Audio devices
  /** The chosen device of `role` is gone; the system default stands in. `name`: the device. */
  'audioDeviceFallback',
  /** The chosen device of `role` is back and in use again. `name`: the device. */
  'audioDeviceReturned',
  // Recording (D9)
  /** The recording could not be finished (the engine or the disk); `file`: what was kept. */
  'recordingFailed',
]);
export type NoticeCode = z.infer<typeof NoticeCode>;

/** A problem worth telling the agent about, shown until the next one replaces it. */
export const Notice = z.object({
  id: z.number(),
  level: z.enum(['info', 'warning', 'error']),
  code: NoticeCode,
  /** Details to put in the message: SIP text, a name, a refusal code. */
  values: z.record(z.string(), z.union([z.string().max(256), z.number()])).optional(),
});
export type Notice = z.infer<typeof Notice>;

/** The buttons a headset reports (HID Telephony page), named as the map names them. */
export const HeadsetButtonName = z.enum([
  'hookSwitch',
  'flash',
  'redial',
  'transfer',
  'drop',
  'phoneMute',
  'speedDial',
  'lineBusyTone',
]);
export type HeadsetButtonName = z.infer<typeof HeadsetButtonName>;

/** The headset in use (B2), shown in the settings with the last button pressed on it. */
export const HeadsetStatus = z.object({
  /** The product name the device gives (untrusted). */
  name: RemoteText,
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  lastPress: z.object({ button: HeadsetButtonName, at: z.number() }).optional(),
});
export type HeadsetStatus = z.infer<typeof HeadsetStatus>;

export const DeskState = z.object({
  /** Monotonic version: renderers drop an out-of-order snapshot. */
  revision: z.number().int().nonnegative(),
  session: z.object({
    phase: SessionPhase,
    error: SignInError.optional(),
    /** Last values used to sign in (never the password), to prefill the form. */
    form: z
      .object({
        serverUrl: z.string(),
        sipUri: z.string(),
        authUser: z.string(),
        displayName: z.string(),
        hasSavedPassword: z.boolean(),
      })
      .optional(),
    identity: z.object({ uri: z.string(), displayName: z.string() }).optional(),
  }),
  registration: RegistrationState,
  agent: z.object({
    /** The status the agent chose; contacts block routing without changing it. */
    statusId: Id,
    statusSince: z.number(),
    statuses: z.array(AgentStatusDefinition),
    /** True when an offer would ring now. */
    routable: z.boolean(),
  }),
  contacts: z.array(Contact),
  /** Chat contacts (E1-E3), each its own tab beside the voice contact. */
  chats: z.array(ChatContact),
  /** How the number pad reads national numbers (D4). */
  dialing: z.object({ defaultCountry: z.string().length(2) }),
  /** A number from a tel:/sip: link to put in the number pad; `seq` changes with each link. */
  dialDraft: z.object({ target: z.string().max(256), seq: z.number().int() }).optional(),
  /** The quick connects to show now: external ones always, agent and queue ones only on a call. */
  quickConnects: z.array(QuickConnect),
  /** Presence of the agent quick connects' colleagues, by quick connect id (D5). */
  quickConnectPresence: z
    .record(Id, z.object({ state: PresenceState, note: DisplayText.optional() }))
    .optional(),
  /** What the profile allows and offers for in-call control and wrap-up (D6, D8). */
  contactOptions: z.object({
    transfer: z.boolean(),
    conference: z.boolean(),
    wrapUpCodes: z.array(WrapUpCode),
    /** Clear Contact is refused until a wrap-up code is chosen. */
    wrapUpRequired: z.boolean(),
    /** The profile has a customer lookup (D8), opened in the browser or the lookup window. */
    customerLookup: z.enum(['browser', 'panel']).optional(),
    /** The profile lets the agent record calls (D9): the Record button shows. */
    recording: z.boolean().optional(),
    /** The profile lets this user listen in on agents' calls (F1): Listen in shows. */
    monitor: z.boolean().optional(),
    /** What files the agent may send in a chat (E2); absent before a profile is in force. */
    chatAttachments: ChatAttachmentLimits.optional(),
  }),
  notice: Notice.optional(),
  /** The provisioning profile in force (A3): where it came from and what IT's policy locks. */
  profile: z
    .object({
      source: z.enum(['file', 'url', 'saved', 'none']),
      location: z.string().max(2048).optional(),
      /** Dotted keys set by the machine policy (`servers`, `identity.sipUri`, ...). */
      lockedKeys: z.array(z.string().max(128)),
      servers: z.array(z.string()).optional(),
      identity: z
        .object({
          sipUri: z.string(),
          authUser: z.string().optional(),
          displayName: z.string().optional(),
        })
        .optional(),
      /** A machine policy file that was refused: the app runs without it, IT must fix it. */
      policyProblem: z
        .object({ file: z.string(), path: z.string(), reason: z.string().max(512) })
        .optional(),
    })
    .optional(),
  /** Audio devices, ring and UI language (B1, B4), once main has them. */
  audio: AudioState.optional(),
  /** Global shortcuts, start at login, the widget's always-on-top (G3, G5). */
  desktop: DesktopPreferencesState.optional(),
  /** Softphone or desk phone (B3), once main has the setting. */
  deskPhone: DeskPhoneState.optional(),
  /** The folder call recordings are written to (D9), and whether the machine policy fixes it. */
  recordingsFolder: z.object({ folder: z.string().max(4096), locked: z.boolean() }).optional(),
  /** The telephony headset in use, when one is plugged in (B2). */
  headset: HeadsetStatus.optional(),
  /** A downloaded update waiting for a restart, or "IT updates this app" (G5). */
  update: UpdateOffer.optional(),
  /** Today's figures from the contact history (H1), as of the snapshot. */
  today: z
    .object({
      handled: z.number().int().nonnegative(),
      missed: z.number().int().nonnegative(),
      rejected: z.number().int().nonnegative(),
      averageHandleMs: z.number().nonnegative().optional(),
      totalAcwMs: z.number().nonnegative(),
      statusTime: z.array(
        z.object({ statusId: Id, label: z.string().max(64), ms: z.number().nonnegative() }),
      ),
    })
    .optional(),
});
export type DeskState = z.infer<typeof DeskState>;
