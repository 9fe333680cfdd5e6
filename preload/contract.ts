/**
 * The one IPC contract between the main process and its two renderers.
 *
 * Every channel name and every payload shape lives here and nowhere else. Main validates each
 * payload coming from a renderer against these schemas (renderers are untrusted: the engine
 * page parses data from the network, the UI page renders caller-controlled text), and the
 * renderers get TypeScript types derived from the same schemas, so the two sides cannot drift.
 */
import { z } from 'zod';

// No code generation: the pages' CSP forbids eval, and payloads are small enough to parse plainly.
z.config({ jitless: true });

// ---------------------------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------------------------

/** Which renderer a message comes from; main checks it against the sender's frame. */
export const RendererRole = z.enum(['ui', 'engine']);
export type RendererRole = z.infer<typeof RendererRole>;

const Id = z.string().min(1).max(64);
/** Text that came from the network (caller names, reasons): bounded so a hostile peer cannot flood the UI. */
const RemoteText = z.string().max(256);

/**
 * SIP over WebSocket URL. Plain ws:// only towards loopback, where no one can listen in;
 * anything that leaves the machine must be wss:// so credentials and SDP keys are encrypted.
 */
export const ServerUrl = z
  .string()
  .trim()
  .superRefine((value, context) => {
    // One check after the other: each failure gets its own message key, the first one wins.
    const fail = (message: string) => context.addIssue({ code: 'custom', message });
    if (value === '') return fail('server.required');
    if (!URL.canParse(value)) return fail('server.invalidUrl');
    const url = new URL(value);
    if (url.protocol !== 'wss:' && url.protocol !== 'ws:') return fail('server.notWebSocket');
    if (url.protocol === 'ws:' && !isLoopbackHost(url.hostname))
      return fail('server.insecureRemote');
  });

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** sip:user@domain (sips: accepted). The user part is required: it is the agent's identity. */
export const SipUri = z
  .string()
  .trim()
  .min(1, 'sipUri.required')
  .regex(/^sips?:[^@\s:;]+@[A-Za-z0-9.-]+(:\d{1,5})?$/, 'sipUri.invalid');

// ---------------------------------------------------------------------------------------------
// Sign-in
// ---------------------------------------------------------------------------------------------

export const SignInRequest = z.object({
  serverUrl: ServerUrl,
  sipUri: SipUri,
  authUser: z.string().trim().max(128).default(''),
  /** Empty means "use the password saved for this account" (the desk refuses if there is none). */
  password: z.string().max(256),
  displayName: z.string().trim().max(128).default(''),
});
export type SignInRequest = z.input<typeof SignInRequest>;
export type ValidSignInRequest = z.output<typeof SignInRequest>;

/** Why a sign-in failed; each maps to its own message in the UI. */
export const SignInErrorCode = z.enum([
  'badCredentials',
  'serverUnreachable',
  'badUrl',
  'timeout',
  'rejected',
  'engineUnavailable',
  /** The form differs from what the machine policy locks (server, identity). */
  'lockedByPolicy',
]);
export type SignInErrorCode = z.infer<typeof SignInErrorCode>;

export const SignInError = z.object({
  code: SignInErrorCode,
  /** Which form field the error belongs to, so the UI can focus it. */
  field: z.enum(['serverUrl', 'sipUri', 'authUser', 'password', 'displayName']).optional(),
  /** SIP status or transport detail, shown small under the message for IT. */
  detail: RemoteText.optional(),
});
export type SignInError = z.infer<typeof SignInError>;

// ---------------------------------------------------------------------------------------------
// Agent status and contacts (the DeskState snapshot)
// ---------------------------------------------------------------------------------------------

export const AVAILABLE = 'available';
export const OFFLINE = 'offline';

export const AgentStatusDefinition = z.object({
  id: Id,
  /** Display name; built-in statuses are translated by id in the UI instead. */
  label: z.string().min(1).max(64),
  kind: z.enum(['available', 'offline', 'custom']),
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
 * Why a contact ended, as a code the agent reads in plain language (`contact.endCode.<code>`),
 * while `endReason` keeps the technical text for IT. Only the causes the desk can name have a
 * code so far; more join this list as other end reasons get one, so it stays optional.
 */
export const ContactEndCode = z.enum([
  /** The two sides could not agree or apply the media (SDP, codecs, BUNDLE): 488/606 too. */
  'mediaFailed',
  /** The agent's microphone could not be opened. */
  'microphoneUnavailable',
  /** 486 Busy Here, 600 Busy Everywhere. */
  'busy',
  /** 408 Request Timeout, 480 Temporarily Unavailable: nobody picked up. */
  'noAnswer',
  /** 404, 410, 484, 604: no such number or address. */
  'notFound',
  /** 603 Decline. */
  'rejected',
  /** 502, 503, 504, no response at all, or the connection to the server failed. */
  'unreachable',
]);
export type ContactEndCode = z.infer<typeof ContactEndCode>;

export const Contact = z.object({
  id: Id,
  channel: z.literal('voice'),
  direction: ContactDirection,
  state: ContactState,
  /** The customer: number (or SIP user) and the display name their side sent, untrusted. */
  peer: Peer,
  /** Queue name from the offer's whisper header (profile `sipHeaders.queueName`). */
  queue: RemoteText.optional(),
  /** A queued callback (profile `sipHeaders.callback`): the banner says "Callback incoming". */
  callback: z.boolean().optional(),
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
  /** Why the contact ended or failed, in SIP terms ("486 Busy", "Bad Media Description (…)"). */
  endReason: RemoteText.optional(),
  /** The same, as a code the UI words for the agent; set together with `endReason`. */
  endCode: ContactEndCode.optional(),
  endedBy: z.enum(['agent', 'customer', 'system']).optional(),
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
  details: ContactDetails,
});
export type Contact = z.infer<typeof Contact>;

/** A wrap-up code from the profile (D8). */
export const WrapUpCode = z.object({ id: Id, label: z.string().min(1).max(64) });
export type WrapUpCode = z.infer<typeof WrapUpCode>;

/** A quick connect from the profile (D5): an agent, a queue or an external number. */
export const QuickConnect = z.object({
  id: Id,
  kind: z.enum(['agent', 'queue', 'external']),
  name: z.string().max(64),
  target: z.string().max(256),
});
export type QuickConnect = z.infer<typeof QuickConnect>;

export const RegistrationState = z.enum([
  'unregistered',
  'registering',
  'registered',
  'unregistering',
  'failed',
]);
export type RegistrationState = z.infer<typeof RegistrationState>;

export const SessionPhase = z.enum(['signedOut', 'signingIn', 'signedIn']);
export type SessionPhase = z.infer<typeof SessionPhase>;

/** A problem worth telling the agent about, shown until the next one replaces it. */
export const Notice = z.object({
  id: z.number(),
  level: z.enum(['info', 'warning', 'error']),
  /** i18n key under `notice.` with its interpolation values. */
  key: z.string().max(64),
  values: z.record(z.string(), z.union([z.string().max(256), z.number()])).optional(),
});
export type Notice = z.infer<typeof Notice>;

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
  /** How the number pad reads national numbers (D4). */
  dialing: z.object({ defaultCountry: z.string().length(2) }),
  /** A number from a tel:/sip: link to put in the number pad; `seq` changes with each link. */
  dialDraft: z.object({ target: z.string().max(256), seq: z.number().int() }).optional(),
  /** The quick connects to show now: external ones always, agent and queue ones only on a call. */
  quickConnects: z.array(QuickConnect),
  /** What the profile allows and offers for in-call control and wrap-up (D6, D8). */
  contactOptions: z.object({
    transfer: z.boolean(),
    conference: z.boolean(),
    wrapUpCodes: z.array(WrapUpCode),
    /** Clear Contact is refused until a wrap-up code is chosen. */
    wrapUpRequired: z.boolean(),
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

// ---------------------------------------------------------------------------------------------
// UI -> main intents (ipcRenderer.invoke; main answers or throws a validation error)
// ---------------------------------------------------------------------------------------------

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

/** Result of an intent AgentDesk can refuse (e.g. dial while on a call). */
export const IntentResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.string().max(64) }),
]);
export type IntentResult = z.infer<typeof IntentResult>;

const Empty = z.object({}).strict();

/**
 * Invoke channels from the UI renderer. `request` validates what the renderer sent;
 * `response` documents what main returns.
 */
export const uiInvokeChannels = {
  'ui:get-state': { request: Empty, response: DeskState },
  'ui:sign-in': { request: SignInRequest, response: SignInResult },
  'ui:sign-out': { request: Empty, response: IntentResult },
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
  'ui:load-profile': { request: ProfileRequest, response: ProfileResult },
} as const;
export type UiInvokeChannel = keyof typeof uiInvokeChannels;
export type UiRequest<C extends UiInvokeChannel> = z.input<(typeof uiInvokeChannels)[C]['request']>;
export type UiResponse<C extends UiInvokeChannel> = z.output<
  (typeof uiInvokeChannels)[C]['response']
>;

/** Main -> UI push: the whole DeskState after every change. */
export const UI_STATE_CHANNEL = 'ui:state';

// ---------------------------------------------------------------------------------------------
// main -> engine commands, engine -> main events
// ---------------------------------------------------------------------------------------------

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

/** SIP reject codes the desk may send: busy here, temporarily unavailable, decline. */
export const RejectStatus = z.union([z.literal(486), z.literal(480), z.literal(603)]);
export type RejectStatus = z.infer<typeof RejectStatus>;

export const EngineCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('connect'), account: EngineAccount, register: z.boolean() }),
  z.object({ type: z.literal('register') }),
  z.object({ type: z.literal('unregister') }),
  z.object({ type: z.literal('disconnect') }),
  z.object({ type: z.literal('call'), callId: Id, target: z.string().min(1).max(256) }),
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
  /** Mix these calls' audio locally: each hears all the others. Fewer than two: no mixing. */
  z.object({ type: z.literal('mix'), callIds: z.array(Id).max(8) }),
  /** Blind transfer: REFER the call's far end to the target. */
  z.object({ type: z.literal('blind-transfer'), callId: Id, target: z.string().min(1).max(256) }),
  /** Attended transfer: REFER the call's far end to the other call's far end, with Replaces. */
  z.object({ type: z.literal('attended-transfer'), callId: Id, replacesCallId: Id }),
  /** Main's answer to a `refer` event: follow the far end's REFER or refuse it (603). */
  z.object({ type: z.literal('refer-answer'), callId: Id, accept: z.boolean() }),
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
    from: z.object({ user: RemoteText, uri: RemoteText, displayName: RemoteText }),
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
   * The call now continues with another party under the same callId: a REFER we followed has
   * connected, or an INVITE with Replaces took over this call (we were the transfer target).
   */
  z.object({
    type: z.literal('replaced'),
    callId: Id,
    peer: z.object({ user: RemoteText, uri: RemoteText, displayName: RemoteText }),
  }),
  /** Rejections of a command the engine could not carry out (unknown call, no UA). */
  z.object({ type: z.literal('command-error'), command: z.string().max(32), message: RemoteText }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;

export const engineInvokeChannels = {
  'engine:event': { request: EngineEvent, response: z.object({ ok: z.literal(true) }) },
} as const;
export type EngineInvokeChannel = keyof typeof engineInvokeChannels;

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
  };
  calls: { dial(target: string): Promise<IntentResult> };
  history: { exportCsv(): Promise<ExportResult> };
  profile: { load(location: string): Promise<ProfileResult> };
}

export interface EngineBridge {
  /** Registers the engine's command handler; commands queued before it are delivered. */
  onCommand(handler: (command: EngineCommand) => void): void;
  report(event: EngineEvent): Promise<void>;
}

export const UI_GLOBAL = 'ccp';
export const ENGINE_GLOBAL = 'openccpEngine';
