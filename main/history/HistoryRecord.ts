/**
 * What the contact history file holds: one record per line, a discriminated union on `type`.
 *
 * The file outlives any one version of the app and can be edited or damaged outside it, so every
 * line read back is parsed against these schemas (a file on disk is a trust boundary). The
 * schemas are deliberately separate from the IPC contract: renaming something in common/contract
 * must not make last year's history unreadable.
 *
 * Every string is bounded, so a record can never grow into a line the reader refuses (see
 * MAX_LINE_BYTES) and a hostile caller name cannot bloat the file.
 */
import { z } from 'zod';

/** Bumped only for a change old readers must not misread; additive optional fields stay v1. */
export const HISTORY_LINE_VERSION = 1;

/** Epoch milliseconds, as Date.now() gives them. */
const EpochMs = z.number().int().min(0);
const Millis = z.number().int().min(0);
const Id = z.string().min(1).max(64);
/** Text that came from the network (numbers, names, queue, SIP reasons). */
const RemoteText = z.string().max(256);
/** What the agent typed during ACW (D8). */
export const MAX_NOTE_LENGTH = 10_000;
const AgentText = z.string().max(MAX_NOTE_LENGTH);

/** The agent changed status (C4): the status lasts until the next status record. */
export const StatusRecord = z.object({
  type: z.literal('status'),
  at: EpochMs,
  statusId: Id,
  /** Label as shown when it happened, so an export stays readable after the profile changes. */
  label: z.string().min(1).max(64),
});
export type StatusRecord = z.infer<typeof StatusRecord>;

export const ContactOutcome = z.enum([
  /** Connected to the agent. */
  'handled',
  /** Rang out without an answer: agent non-response (C3). */
  'missed',
  /** The agent rejected the offer. */
  'rejected',
  /** The customer hung up before the agent answered. */
  'abandoned',
  /** Never connected for a technical reason (outbound busy, no route, media failure). */
  'failed',
]);
export type ContactOutcome = z.infer<typeof ContactOutcome>;

/**
 * What every finished contact records, whatever its channel (given as its literal). Written
 * once when the contact is cleared, with everything D8 keeps. `at` is when the record was
 * written; metrics count the contact on the local day of `at`.
 */
const contactRecordFields = <Channel extends string>(channel: z.ZodLiteral<Channel>) => ({
  type: z.literal('contact'),
  at: EpochMs,
  contactId: Id,
  // Right after the id, where lines have always had it.
  channel,
  direction: z.enum(['inbound', 'outbound']),
  peer: z.object({ number: RemoteText, displayName: RemoteText }),
  queue: RemoteText.optional(),
  outcome: ContactOutcome,
  offeredAt: EpochMs.optional(),
  connectedAt: EpochMs.optional(),
  endedAt: EpochMs.optional(),
  acwEndedAt: EpochMs.optional(),
  /** Connected to ended (talk and hold); ACW is separate. */
  handleMs: Millis.optional(),
  /** Ended to Clear Contact. */
  acwMs: Millis.optional(),
  /**
   * The SIP text of the end. Lines written before end codes existed also hold the desk's own
   * ends here in English ("Agent ended", "No answer", "Engine restarted", "Transferred").
   */
  endReason: RemoteText.optional(),
  /**
   * Why the contact ended, as the contract's end code. A plain bounded word rather than the
   * contract's enum: a code a newer version adds must not make its lines unreadable here.
   */
  endCode: z
    .string()
    .regex(/^[a-zA-Z]+$/)
    .max(64)
    .optional(),
  notes: AgentText.optional(),
  wrapUpCode: z.string().max(128).optional(),
  followUp: z.object({ note: AgentText, dueAt: EpochMs }).optional(),
});

/** A finished call. */
export const VoiceContactRecord = z.object({
  ...contactRecordFields(z.literal('voice')),
  /** A queued callback (D7). */
  callback: z.boolean().optional(),
  /** The agent ended a callback nobody answered after leaving a voicemail (D7). */
  voicemail: z.boolean().optional(),
  /** The customer was transferred to this party (D6), as the agent saw it. */
  transferredTo: RemoteText.optional(),
  /** The agent's recording of the call (D9): the file's full path. */
  recordingFile: z.string().max(4096).optional(),
});
export type VoiceContactRecord = z.infer<typeof VoiceContactRecord>;

/** One line of a chat's transcript as the history keeps it (E3). */
export const ChatRecordLine = z.object({
  role: z.enum(['customer', 'bot', 'otherAgent', 'agent']),
  text: z.string().max(4000),
  at: EpochMs,
  beforeAccept: z.boolean().optional(),
});

/** A finished chat: the contact and its whole transcript. */
export const ChatContactRecord = z.object({
  ...contactRecordFields(z.literal('chat')),
  conversationId: RemoteText,
  transcript: z.array(ChatRecordLine).max(5000),
});
export type ChatContactRecord = z.infer<typeof ChatContactRecord>;

/** One finished contact, told apart by `channel` like the contact it records. */
export const ContactRecord = z.discriminatedUnion('channel', [
  VoiceContactRecord,
  ChatContactRecord,
]);
export type ContactRecord = z.infer<typeof ContactRecord>;

/** What callers append and readers get back. */
export const HistoryRecord = z.discriminatedUnion('type', [StatusRecord, ContactRecord]);
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/**
 * One line of the file: a record stamped with its format version. Unknown keys are dropped
 * rather than refused, so a newer v1 writer that adds an optional field stays readable here.
 */
const Version = z.literal(HISTORY_LINE_VERSION);
export const HistoryLine = z.discriminatedUnion('type', [
  StatusRecord.extend({ v: Version }),
  z.discriminatedUnion('channel', [
    VoiceContactRecord.extend({ v: Version }),
    ChatContactRecord.extend({ v: Version }),
  ]),
]);
export type HistoryLine = z.infer<typeof HistoryLine>;
