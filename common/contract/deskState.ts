/**
 * The desk's state as every window and output sees it (DeskState): statuses, contacts, the
 * session and notices. Main sends the whole snapshot after every change.
 */
import { AudioState } from './audioDevices';
import { DesktopPreferencesState } from './desktopPreferences';
import { DeskPhoneState } from './deskPhone';
import { z } from 'zod';
import { Id, RemoteText } from './primitives';
import { SignInError } from './signIn';
import { QuickConnect } from './quickConnect';
import { PresenceState } from './presence';
import { DisplayText } from './displayText';
import { RegistrationState, SessionPhase } from './lineState';
import { UpdateOffer } from './updates';
import { ChatAttachmentLimits } from './chatAttachment';
import { ChatContact, Contact } from './contact';

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
