/**
 * Main and the engine renderer: the commands main sends, the events the engine reports, and
 * the bridge its preload exposes (window.openccpEngine).
 */
import { z } from 'zod';
import { AudioDevice, AudioRouting, MicrophoneAccess } from './audioDevices';
import { DisplayText } from './displayText';
import { Id, RemoteText, ServerUrl, SipUri } from './primitives';
import { RecordingCommand, RecordingEvent } from './recording';
import { MonitoringCommand, MonitoringEvent } from './monitoring';
import { MeterCommand, MeterEvent } from './microphoneLevel';
import { PresenceCommand, PresenceEvent } from './presence';
import { ChatAttachment } from './chatAttachment';

export const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

export const EngineAccount = z.object({
  serverUrls: z.array(ServerUrl).min(1),
  sipUri: SipUri,
  authUser: z.string(),
  password: z.string(),
  displayName: z.string(),
  iceServers: z.array(IceServer).default([]),
  /**
   * Upper bound on how long an offer/answer waits for ICE candidates. The engine sends as soon
   * as usable candidates exist; this caps the wait when STUN/TURN servers are slow or dead.
   */
  iceGatheringBoundMs: z.number().int().min(0).max(10_000).default(400),
  registerExpiresSec: z.number().int().min(60).max(3600).default(300),
  /**
   * Header names (besides every X- header) copied from an INVITE for main: the profile's queue
   * and callback headers may be named anything.
   */
  forwardedHeaders: z.array(z.string().max(64)).max(8).default([]),
});
export type EngineAccount = z.input<typeof EngineAccount>;

/** Final answers main gives a received MESSAGE: taken, busy or refused, rang out. */
export const ChatAnswerStatus = z.union([z.literal(200), z.literal(486), z.literal(480)]);
export type ChatAnswerStatus = z.infer<typeof ChatAnswerStatus>;

/** A MESSAGE body is cut at this length before it reaches main (the desk's bound is 4000). */
export const MAX_CHAT_BODY = 4000;

/** SIP reject codes the desk may send: busy here, temporarily unavailable, decline. */
export const RejectStatus = z.union([z.literal(486), z.literal(480), z.literal(603)]);
export type RejectStatus = z.infer<typeof RejectStatus>;

/**
 * A confirmed call's SIP dialog, as far as a new engine needs it to end the call with a BYE
 * when the engine that set it up is gone (reloaded or crashed) and the far end would otherwise
 * stay on the line.
 */
export const SipDialog = z.object({
  callId: RemoteText.min(1),
  localTag: RemoteText.min(1),
  remoteTag: RemoteText.min(1),
  localUri: RemoteText.min(1),
  remoteUri: RemoteText.min(1),
  remoteTarget: RemoteText.min(1),
  routeSet: z.array(RemoteText).max(16),
  /** Our last CSeq in the dialog (0 when we never sent a request in it). */
  localSeq: z.number().int().nonnegative(),
});
export type SipDialog = z.infer<typeof SipDialog>;

export const EngineCommand = z.discriminatedUnion('type', [
  /**
   * Whether an offer may ring now (the agent is routable). While not, the engine answers new
   * INVITEs 486 itself, without opening the microphone or asking main: a flood of offers then
   * costs main nothing. Open on a fresh engine page, so main decides until it says otherwise.
   */
  z.object({ type: z.literal('offer-gate'), ring: z.boolean() }),
  /**
   * Keep the microphone open between calls, so a call's microphone is a copy of it (well under
   * a millisecond) instead of a getUserMedia of its own (10 ms and up, a device open on some
   * machines). Main turns it on only while a call may come or go (WarmMicrophoneRule); off on
   * a fresh engine page.
   */
  z.object({ type: z.literal('microphone-warm'), on: z.boolean() }),
  /** The desk's heartbeat: the engine answers `pong` with the same number. */
  z.object({ type: z.literal('ping'), seq: z.number().int().nonnegative() }),
  /** Ends, with a BYE each, the dialogs of calls an earlier engine left behind. */
  z.object({ type: z.literal('release-dialogs'), dialogs: z.array(SipDialog).max(16) }),
  z.object({ type: z.literal('connect'), account: EngineAccount, register: z.boolean() }),
  z.object({ type: z.literal('register') }),
  z.object({ type: z.literal('unregister') }),
  z.object({ type: z.literal('disconnect') }),
  /**
   * The connection dropped (or may have: the machine woke up, the network came back): connect
   * again now instead of waiting for JsSIP's own backoff; when already connected and `register`,
   * refresh the registration, which also proves the socket still carries traffic.
   */
  z.object({ type: z.literal('reconnect'), register: z.boolean() }),
  z.object({
    type: z.literal('call'),
    callId: Id,
    target: z.string().min(1).max(256),
    /** Extra headers of the INVITE: a supervisor's listen-in marker (MONITOR_HEADER). */
    headers: z.record(z.string().max(64), RemoteText).optional(),
  }),
  z.object({
    type: z.literal('answer'),
    callId: Id,
    /** Play a short beep to the agent first: the cue that an auto-accepted call is connecting. */
    beep: z.boolean().optional(),
  }),
  z.object({ type: z.literal('reject'), callId: Id, status: RejectStatus }),
  z.object({ type: z.literal('hangup'), callId: Id }),
  /**
   * Hold (re-INVITE with a=sendonly, nothing sent) or resume. The engine keeps the wanted state
   * across a 491 glare (RFC 3261 14.1 randomised wait) and the far end's own re-INVITEs.
   */
  z.object({ type: z.literal('hold'), callId: Id, hold: z.boolean() }),
  z.object({ type: z.literal('mute'), callId: Id, muted: z.boolean() }),
  z.object({
    type: z.literal('dtmf'),
    callId: Id,
    digits: z.string().regex(/^[0-9*#A-Da-d]{1,32}$/),
    /** auto: RFC 4733 telephone-event where the far end negotiated it, SIP INFO otherwise. */
    mode: z.enum(['auto', 'rfc4733', 'info']),
  }),
  /**
   * Mix these calls' audio locally: each hears all the others. Fewer than two: no mixing.
   * `listen: false` bridges them without the PC playing either (desk phone mode, B3: the agent
   * talks on the desk phone, and the PC's speaker must stay quiet).
   */
  z.object({
    type: z.literal('mix'),
    callIds: z.array(Id).max(8),
    listen: z.boolean().optional(),
  }),
  /** The offer rings somewhere else (the agent's desk phone, B3): the PC's ringer stops. */
  z.object({ type: z.literal('ring-elsewhere'), callId: Id }),
  /** Blind transfer: REFER the call's far end to the target. */
  z.object({ type: z.literal('blind-transfer'), callId: Id, target: z.string().min(1).max(256) }),
  /** Attended transfer: REFER the call's far end to the other call's far end, with Replaces. */
  z.object({ type: z.literal('attended-transfer'), callId: Id, replacesCallId: Id }),
  /** Main's answer to a `refer` event: follow the far end's REFER or refuse it (603). */
  z.object({ type: z.literal('refer-answer'), callId: Id, accept: z.boolean() }),
  /** Main's answer to a `replaces` event: let the INVITE take the call over, or refuse (403). */
  z.object({ type: z.literal('replaces-answer'), callId: Id, accept: z.boolean() }),
  /**
   * The devices to use (B1): the microphone of every call (switched by replaceTrack, no
   * re-INVITE), the speaker of every remote audio element, the ringer and its tone.
   */
  z.object({ type: z.literal('audio-routing'), routing: AudioRouting }),
  /** A short test sound on the speaker, or a ring on the ringer, from the settings screen. */
  z.object({ type: z.literal('test-sound'), role: z.enum(['speaker', 'ringer']) }),
  /**
   * Main's final answer to a received MESSAGE (`chat-message`): 200 taken, 486 busy or refused
   * by the agent, 480 the offer rang out. The engine holds the MESSAGE unanswered until then.
   */
  z.object({ type: z.literal('chat-answer'), messageId: Id, status: ChatAnswerStatus }),
  /** Sends a chat line (text/plain) to `target`; answered by `chat-sent` with the same id. */
  z.object({
    type: z.literal('chat-send'),
    sendId: Id,
    target: RemoteText.min(1),
    text: z.string().min(1).max(MAX_CHAT_BODY),
    /** Headers naming the conversation for the PBX (the profile's conversation header). */
    headers: z.record(z.string().max(64), RemoteText).default({}),
  }),
  /** Sends a file (docs/chat.md, "Attachments"); answered by `chat-sent` like a line. */
  z.object({
    type: z.literal('chat-send-file'),
    sendId: Id,
    target: RemoteText.min(1),
    attachment: ChatAttachment,
    headers: z.record(z.string().max(64), RemoteText).default({}),
  }),
  /** RFC 3994 isComposing to `target`: active while the agent types, idle when they stop. */
  z.object({ type: z.literal('chat-typing'), target: RemoteText.min(1), active: z.boolean() }),
  /** Call recording (D9, recording.ts). */
  ...RecordingCommand.options,
  /** Listen-in (F1, monitoring.ts). */
  ...MonitoringCommand.options,
  /** The settings screen's microphone level meter (microphoneLevel.ts). */
  ...MeterCommand.options,
  /** Presence (D5, presence.ts). */
  ...PresenceCommand.options,
]);
/** As main writes it; the engine re-parses, which fills the defaults. */
export type EngineCommand = z.input<typeof EngineCommand>;

/** Main -> engine push channel carrying EngineCommand. */
export const ENGINE_COMMAND_CHANNEL = 'engine:command';

/** The `cause` of an `ended` event when the engine could not open the agent's microphone. */
export const MICROPHONE_UNAVAILABLE_CAUSE = 'Microphone Unavailable';

export const EngineEvent = z.discriminatedUnion('type', [
  /** The engine page loaded and listens for commands (sent again after a reload). */
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('transport'),
    state: z.enum(['connecting', 'connected', 'disconnected']),
    /** Set when the socket could not be opened or dropped with an error. */
    error: RemoteText.optional(),
  }),
  z.object({ type: z.literal('pong'), seq: z.number().int().nonnegative() }),
  /** Offers the engine answered 486 itself behind a closed gate, counted over about a second. */
  z.object({
    type: z.literal('offers-refused'),
    count: z.number().int().positive(),
    lastFrom: RemoteText,
  }),
  /** A call's dialog is up (or changed): kept by main to release it after an engine loss. */
  z.object({ type: z.literal('dialog'), callId: Id, dialog: SipDialog }),
  /** The engine page's view of the network (the browser's online and offline events). */
  z.object({ type: z.literal('network'), online: z.boolean() }),
  z.object({
    type: z.literal('registration'),
    state: z.enum(['registered', 'unregistered', 'failed']),
    /** JsSIP cause ("Authentication Error", "Connection Error", ...) and SIP status. */
    cause: RemoteText.optional(),
    statusCode: z.number().int().optional(),
  }),
  z.object({
    type: z.literal('incoming'),
    callId: Id,
    from: z.object({ user: RemoteText, uri: RemoteText, displayName: DisplayText }),
    /** Selected SIP headers of the INVITE (lower-case names), for queue and callback flags. */
    headers: z.record(z.string().max(64), RemoteText).default({}),
  }),
  z.object({ type: z.literal('progress'), callId: Id }),
  z.object({ type: z.literal('confirmed'), callId: Id }),
  z.object({
    type: z.literal('ended'),
    callId: Id,
    originator: z.enum(['local', 'remote', 'system']),
    cause: RemoteText,
    /** Set when the call never connected (JsSIP 'failed'). */
    failed: z.boolean(),
    /** The final failure response (300-699) when there was one; never the 2xx of a call. */
    statusCode: z.number().int().optional(),
    /**
     * The last WebRTC or microphone error of the call ("OperationError: Failed to set remote
     * answer sdp: ..."): the real cause behind 'WebRTC Error' or 'Bad Media Description'.
     */
    mediaError: RemoteText.optional(),
  }),
  /** The agent's hold on a call took effect (the re-INVITE was answered). */
  z.object({ type: z.literal('hold'), callId: Id, held: z.boolean() }),
  /** A hold or resume could not be negotiated; the call stays up in `held`. */
  z.object({
    type: z.literal('hold-failed'),
    callId: Id,
    held: z.boolean(),
    cause: RemoteText,
    statusCode: z.number().int().optional(),
  }),
  /** The far end put us on hold or took us off it. */
  z.object({ type: z.literal('remote-hold'), callId: Id, held: z.boolean() }),
  z.object({
    type: z.literal('quality'),
    callId: Id,
    mos: z.number().min(1).max(5),
    lossPct: z.number().min(0).max(100),
    jitterMs: z.number().nonnegative(),
    rttMs: z.number().nonnegative().optional(),
  }),
  /** A DTMF digit sent (local) or received by SIP INFO (remote). */
  z.object({
    type: z.literal('dtmf'),
    callId: Id,
    tone: z.string().regex(/^[0-9*#A-D]$/),
    originator: z.enum(['local', 'remote']),
    via: z.enum(['rfc4733', 'info']),
  }),
  /** How a transfer this call's far end was asked to make ended (NOTIFY sipfrag or REFER reply). */
  z.object({
    type: z.literal('transfer'),
    callId: Id,
    outcome: z.enum(['accepted', 'failed']),
    cause: RemoteText.optional(),
    statusCode: z.number().int().optional(),
  }),
  /** The far end asks us to call someone (REFER); the engine waits for `refer-answer`. */
  z.object({ type: z.literal('refer'), callId: Id, target: RemoteText, replaces: z.boolean() }),
  /**
   * An INVITE with Replaces (RFC 3891) asks to take this call over; `from`: its From URI. The
   * engine waits for `replaces-answer` and does nothing on its own.
   */
  z.object({ type: z.literal('replaces'), callId: Id, from: RemoteText }),
  /**
   * The call now continues with another party under the same callId: a REFER we followed has
   * connected, or an INVITE with Replaces took over this call (we were the transfer target).
   */
  z.object({
    type: z.literal('replaced'),
    callId: Id,
    peer: z.object({ user: RemoteText, uri: RemoteText, displayName: DisplayText }),
  }),
  /**
   * The OS's audio devices, at start and after every `devicechange`, and whether a microphone
   * can be opened at all (B4).
   */
  z.object({
    type: z.literal('audio-devices'),
    devices: z.array(AudioDevice).max(64),
    microphoneAccess: MicrophoneAccess,
  }),
  /**
   * A text MESSAGE arrived (E1). Its final response waits for main's `chat-answer`, so a proxy
   * forking serially hunts the next agent on a refusal or a ring timeout, as for a call.
   */
  z.object({
    type: z.literal('chat-message'),
    messageId: Id,
    from: z.object({ user: RemoteText, uri: RemoteText, displayName: DisplayText }),
    /** X- headers and the profile's chat headers (lower-case names). */
    headers: z.record(z.string().max(64), RemoteText).default({}),
    text: z.string().max(MAX_CHAT_BODY),
    /** The MESSAGE carried a file (base64 body with its own type); `text` is then empty. */
    attachment: ChatAttachment.optional(),
  }),
  /** RFC 3994 isComposing from `from` (answered 200 by the engine itself). */
  z.object({ type: z.literal('chat-typing'), from: RemoteText, active: z.boolean() }),
  /** How a `chat-send` ended: delivered (2xx) or refused, with the SIP status when there was one. */
  z.object({
    type: z.literal('chat-sent'),
    sendId: Id,
    delivered: z.boolean(),
    statusCode: z.number().int().optional(),
  }),
  /** Rejections of a command the engine could not carry out (unknown call, no UA). */
  z.object({ type: z.literal('command-error'), command: z.string().max(32), message: RemoteText }),
  /** Call recording (D9, recording.ts). */
  ...RecordingEvent.options,
  /** Listen-in (F1, monitoring.ts). */
  ...MonitoringEvent.options,
  /** The settings screen's microphone level meter (microphoneLevel.ts). */
  ...MeterEvent.options,
  /** Presence (D5, presence.ts). */
  ...PresenceEvent.options,
]);
export type EngineEvent = z.infer<typeof EngineEvent>;
/** How a call ended, as the engine reports it. */
export type EngineEndedEvent = Extract<EngineEvent, { type: 'ended' }>;

export const engineInvokeChannels = {
  'engine:event': { request: EngineEvent, response: z.object({ ok: z.literal(true) }) },
} as const;
export type EngineInvokeChannel = keyof typeof engineInvokeChannels;

export interface EngineBridge {
  /** Registers the engine's command handler; commands queued before it are delivered. */
  onCommand(handler: (command: EngineCommand) => void): void;
  report(event: EngineEvent): Promise<void>;
}

export const ENGINE_GLOBAL = 'openccpEngine';
