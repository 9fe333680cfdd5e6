/**
 * A contact as the desk shows it (DeskState.contacts): its state, the customer, and the
 * channel's own parts: a call's legs, hold, transfer and quality; a chat's transcript.
 */
import { z } from 'zod';
import { Id, RemoteText } from './primitives';
import { ContactEndCode } from './contactEndCode';
import { ContactRecording } from './recording';
import { ChatAttachment } from './chatAttachment';

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
