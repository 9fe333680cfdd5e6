/**
 * What AgentDesk is built with: its ports, and the options a provisioning profile controls
 * (`DeskProfileSettings`), each with its one default here.
 */
import type {
  AgentStatusDefinition,
  DeskState,
  EngineAccount,
  QuickConnect,
} from '../../common/contract';
import { DialingRulesConfig } from '../dialing/DialingRules';
import type { ChatSettings } from './chat/ChatDesk';
import {
  DEFAULT_ATTACHMENT_LIMITS,
  type ChatAttachmentLimits,
} from '../../common/contract/chatAttachment';
import { DEFAULT_CHAT_HEADER_NAMES, type ChatHeaderNames } from './chat/chatHeaders';
import type { ContactHistory } from '../history/DeskHistory';
import { DEFAULT_CAPACITY, type ChannelCapacity } from './contacts/capacity';
import { isWrapUpRequired, NO_WRAP_UP, type WrapUpSettings } from './contacts/wrapUp';
import type { CustomerLookupSettings } from './contacts/customerLookup';
import type { Clock, DeskLogger, DraftJournalPort, EnginePort } from './ports';
import type { SignInMemory } from './session/signInMemory';
import type { StatusMemory } from './status/AgentStatus';
import type { CallPermissions, DtmfMode } from './voice/CallControl';
import { DEFAULT_OFFER_HEADER_NAMES, type OfferHeaderNames } from './voice/offerHeaders';
import type { VoiceSettings } from './voice/VoiceCalls';
import { NO_RECORDING, type RecordingSettings } from './voice/recording/CallRecordings';
import type { RecordingFiles } from './voice/recording/RecordingFiles';
import {
  NO_LISTEN_IN,
  NO_MONITOR,
  type ListenInSettings,
  type MonitorSettings,
} from './voice/monitoring/listenInRefusal';

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
  /** Where open contacts and the agent's drafts are kept against a crash (Reliability). */
  drafts?: DraftJournalPort;
  /** How typed numbers become dial targets, and which ones are refused (D4). */
  dialingRules?: DialingRulesConfig;
  /** Transfer and dial targets from the profile (D5). */
  quickConnects?: readonly QuickConnect[];
  /** Voice offers connect without a click, after an optional beep (D2). */
  autoAccept?: { voice: boolean; beep: boolean };
  signInTimeoutMs?: number;
  customStatuses?: readonly AgentStatusDefinition[];
  iceServers?: EngineAccount['iceServers'];
  /** Uniform in [0, 1): jitter of the reconnection backoff. Math.random unless a test pins it. */
  random?: () => number;
  /** Transfer and conference may be switched off by the profile (D6); both on by default. */
  permissions?: CallPermissions;
  /** Names of the offer headers carrying the queue name and the callback flag (D1, D7). */
  sipHeaders?: OfferHeaderNames;
  /** Wrap-up codes and whether one is required before Clear Contact (D8). */
  wrapUp?: WrapUpSettings;
  /** How DTMF is sent (D3). */
  dtmfMode?: DtmfMode;
  /** Chat slots of the routing profile (E1); 0 routes no chat. */
  chatSlots?: number;
  /** A call may ring while chats are open, and chats during a call (one call at most). */
  voiceWithChat?: boolean;
  /** Names of the chat headers: conversation id and a line's role (docs/chat.md). */
  chatHeaders?: ChatHeaderNames;
  /** What files the agent may send in a chat (E2). */
  chatAttachments?: ChatAttachmentLimits;
  /** What click-to-dial links may do: `autoDial` lets a callto: link dial at once (D4). */
  dialLinks?: DialLinkSettings;
  /** Whether an INVITE with Replaces may take over the agent's call; refused by default. */
  acceptReplaces?: boolean;
  /** The CRM lookup from the contact (D8); none: no lookup button. */
  customerLookup?: CustomerLookupSettings;
  /** Whether the agent may record calls, and whether every call is recorded (D9); off by default. */
  recording?: RecordingSettings;
  /** Who may listen in on the agent's calls (F1); nobody by default. */
  listenIn?: ListenInSettings;
  /** Whether this user may listen in on agents (F1), and the PBX's feature code if any. */
  monitor?: MonitorSettings;
  /** Where recordings are written; none: recording is refused. */
  recordingFiles?: RecordingFiles;
}

export interface DialLinkSettings {
  autoDial: boolean;
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
    | 'chatSlots'
    | 'voiceWithChat'
    | 'chatHeaders'
    | 'chatAttachments'
    | 'dialLinks'
    | 'acceptReplaces'
    | 'customerLookup'
    | 'recording'
    | 'listenIn'
    | 'monitor'
  >
>;

/** The profile's settings in force, every default filled in (custom statuses go to AgentStatus). */
export interface ProfileSettings extends VoiceSettings, ChatSettings {
  monitor: MonitorSettings;
  acwTimeoutMs: number;
  dialLinks: DialLinkSettings;
  wrapUp: WrapUpSettings;
  capacity: ChannelCapacity;
  customerLookup: CustomerLookupSettings | undefined;
}

const DEFAULT_RING_TIMEOUT_MS = 20_000;
/** Until a profile sets the country, numbers are read as North American ones. */
const DEFAULT_DIALING_RULES: DialingRulesConfig = DialingRulesConfig.parse({
  defaultCountry: 'US',
});

/** The one place the profile-controlled options get their defaults. */
export function profileSettings(settings: DeskProfileSettings): ProfileSettings {
  return {
    ringTimeoutMs: settings.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS,
    acwTimeoutMs: settings.acwTimeoutMs ?? 0,
    autoAccept: settings.autoAccept ?? { voice: false, beep: false },
    dialingRules: settings.dialingRules ?? DEFAULT_DIALING_RULES,
    quickConnects: settings.quickConnects ?? [],
    permissions: settings.permissions ?? { transfer: true, conference: true },
    sipHeaders: settings.sipHeaders ?? DEFAULT_OFFER_HEADER_NAMES,
    wrapUp: settings.wrapUp ?? NO_WRAP_UP,
    dtmfMode: settings.dtmfMode ?? 'auto',
    capacity: {
      ...DEFAULT_CAPACITY,
      chat: settings.chatSlots ?? DEFAULT_CAPACITY.chat,
      voiceWithChat: settings.voiceWithChat ?? false,
    },
    chatHeaders: settings.chatHeaders ?? DEFAULT_CHAT_HEADER_NAMES,
    chatAttachments: settings.chatAttachments ?? DEFAULT_ATTACHMENT_LIMITS,
    dialLinks: settings.dialLinks ?? { autoDial: false },
    acceptReplaces: settings.acceptReplaces ?? false,
    customerLookup: settings.customerLookup,
    recording: settings.recording ?? NO_RECORDING,
    listenIn: settings.listenIn ?? NO_LISTEN_IN,
    monitor: settings.monitor ?? NO_MONITOR,
  };
}

/** What the profile allows and offers for in-call control and wrap-up (D6, D8). */
export function contactOptions(settings: ProfileSettings): DeskState['contactOptions'] {
  return {
    transfer: settings.permissions.transfer,
    conference: settings.permissions.conference,
    wrapUpCodes: [...settings.wrapUp.codes],
    wrapUpRequired: isWrapUpRequired(settings.wrapUp),
    ...(settings.customerLookup ? { customerLookup: settings.customerLookup.open } : {}),
    ...(settings.recording.allowed ? { recording: true } : {}),
    ...(settings.monitor.allowed ? { monitor: true } : {}),
    chatAttachments: settings.chatAttachments,
  };
}

/** Agent and queue quick connects are transfer targets: they only make sense during a call. */
export function visibleQuickConnects(settings: ProfileSettings, onCall: boolean): QuickConnect[] {
  return settings.quickConnects.filter((entry) => onCall || entry.kind === 'external');
}
